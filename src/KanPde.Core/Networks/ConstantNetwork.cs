using KanPde.Core.Derivatives;

namespace KanPde.Core.Networks;

/// <summary>
/// A trainable constant as a network: u(x; θ) = θ₀ at every point, every input derivative zero. An unknown coefficient of
/// the equations (an inverse problem's diffusivity) is one, so that it joins a <see cref="SystemNetwork"/>'s parameter
/// vector and its Jacobian column like any network parameter.
/// </summary>
public sealed class ConstantNetwork : INetwork
{
    /// <summary>The constant <paramref name="value"/> over <paramref name="domain"/>.</summary>
    public ConstantNetwork(Box domain, double value)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"A constant must be finite, not {value}.", nameof(value));
        }

        Domain = domain;
        Parameters = [value];
    }

    /// <inheritdoc/>
    public int InputCount => Domain.Dimension;

    /// <inheritdoc/>
    public int ParameterCount => 1;

    /// <inheritdoc/>
    public Box Domain { get; }

    /// <inheritdoc/>
    public int PreferredBlockSize => 128;

    /// <inheritdoc/>
    public double[] Parameters { get; }

    /// <summary>The constant's value.</summary>
    public double Value => Parameters[0];

    /// <inheritdoc/>
    public INetworkWorkspace CreateWorkspace(DerivativeSet derivatives, int blockSize) =>
        new Workspace(SystemNetwork.RequireSingle(derivatives), blockSize);

    /// <summary>A copy with its own parameter.</summary>
    public ConstantNetwork Clone() => new(Domain, Value);

    private sealed class Workspace(DerivativeSet derivatives, int blockSize) : INetworkWorkspace
    {
        private double _accumulator;
        private int _count;

        public DerivativeSet Derivatives { get; } = derivatives;

        public int BlockSize { get; } = blockSize;

        public int RowLength => 1;

        public int RowGroupLength => 1;

        public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int count, Span<double> channels)
        {
            _count = count;
            channels[..count].Fill(parameters[0]);
            channels.Slice(count, (Derivatives.ChannelCount - 1) * count).Clear();
        }

        // Only the value depends on θ: ∂u/∂θ₀ = 1, its derivatives are zero.
        public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints)
        {
            double sum = 0;
            foreach (double a in adjoints[.._count])
            {
                sum += a;
            }

            _accumulator += sum;
        }

        public void CollectGradient(Span<double> gradient)
        {
            gradient[0] += _accumulator;
            _accumulator = 0;
        }

        public void JacobianRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> weights, Span<int> indices, Span<double> values)
        {
            indices[.._count].Clear();
            weights[.._count].CopyTo(values);
        }
    }
}
