using System.Numerics.Tensors;

namespace KanPde.Core.Derivatives;

/// <summary>
/// What a sweep needs to know about its channels and inputs: the channel counts, for each second
/// derivative the first-derivative channels it pairs, and the affine map of the domain onto [−1, 1]^d
/// (x̂_k = (x_k − center_k)·scale_k, so ∂x̂_k/∂x_k = scale_k).
/// </summary>
internal sealed class ChannelLayout
{
    public ChannelLayout(DerivativeSet derivatives, Box domain)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        ArgumentNullException.ThrowIfNull(domain);
        if (derivatives.InputCount != domain.Dimension)
        {
            throw new ArgumentException("Derivative set is for another number of inputs.", nameof(derivatives));
        }

        Derivatives = derivatives;
        Channels = derivatives.ChannelCount;
        Firsts = derivatives.FirstCount;
        Seconds = derivatives.SecondCount;
        PairFirst = derivatives.PairFirst.ToArray();
        PairSecond = derivatives.PairSecond.ToArray();
        FirstVariable = derivatives.FirstVariables.ToArray();
        Scale = Enumerable.Range(0, domain.Dimension).Select(k => 1 / domain.HalfWidth(k)).ToArray();
        Center = Enumerable.Range(0, domain.Dimension).Select(domain.Center).ToArray();
    }

    public DerivativeSet Derivatives { get; }

    /// <summary>C = 1 + F + S.</summary>
    public int Channels { get; }

    public int Firsts { get; }

    public int Seconds { get; }

    /// <summary>Highest derivative of an edge or activation the forward chain rule uses (0, 1 or 2).</summary>
    public int ForwardOrder => Seconds > 0 ? 2 : Firsts > 0 ? 1 : 0;

    public int[] PairFirst { get; }

    public int[] PairSecond { get; }

    public int[] FirstVariable { get; }

    public double[] Scale { get; }

    public double[] Center { get; }

    /// <summary>
    /// The network inputs of a block, by channel: <c>destination[(i·C + c)·count + p]</c> holds x̂_i, its
    /// first derivatives (scale_i for its own variable, else 0) and zero second derivatives.
    /// </summary>
    public void WriteInputs(ReadOnlySpan<double> inputs, int count, Span<double> destination)
    {
        int d = Scale.Length;
        Span<double> all = destination[..(d * Channels * count)];
        all.Clear();
        for (int i = 0; i < d; i++)
        {
            Span<double> value = all.Slice(i * Channels * count, count);
            TensorPrimitives.Subtract(inputs.Slice(i * count, count), Center[i], value);
            TensorPrimitives.Multiply(value, Scale[i], value);
        }

        for (int f = 0; f < Firsts; f++)
        {
            int v = FirstVariable[f];
            all.Slice((v * Channels + 1 + f) * count, count).Fill(Scale[v]);
        }
    }
}
