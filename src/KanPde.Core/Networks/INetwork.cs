using KanPde.Core.Derivatives;

namespace KanPde.Core.Networks;

/// <summary>
/// A network u(x; θ) from d inputs to one output, with all trainable numbers θ in one flat vector.
/// Its workspaces give u and the requested input derivatives in closed form, and the exact
/// gradient of any weighted sum of them with respect to θ.
/// </summary>
public interface INetwork
{
    /// <summary>Number of inputs d.</summary>
    int InputCount { get; }

    /// <summary>Number of trainable parameters, the length of <see cref="Parameters"/>.</summary>
    int ParameterCount { get; }

    /// <summary>The box mapped onto [−1, 1]^d before the first layer.</summary>
    Box Domain { get; }

    /// <summary>Points per block that evaluates fastest (bounded scratch, good cache use).</summary>
    int PreferredBlockSize { get; }

    /// <summary>The parameter vector θ: the network's only mutable state.</summary>
    double[] Parameters { get; }

    /// <summary>
    /// Scratch space for evaluating blocks of up to <paramref name="blockSize"/> points with the
    /// given derivative channels. A workspace is used by one thread at a time.
    /// </summary>
    INetworkWorkspace CreateWorkspace(DerivativeSet derivatives, int blockSize);
}

/// <summary>Evaluates one block of points at a time; not thread-safe (make one per thread).</summary>
public interface INetworkWorkspace
{
    /// <summary>The channels computed by <see cref="Forward"/>.</summary>
    DerivativeSet Derivatives { get; }

    /// <summary>Largest block.</summary>
    int BlockSize { get; }

    /// <summary>Number of entries <see cref="JacobianRows"/> writes per point.</summary>
    int RowLength { get; }

    /// <summary>
    /// Row entries come in groups of this many, group g of every row inside one block of parameters, the
    /// blocks increasing with g (for a KAN, one group per edge). Divides <see cref="RowLength"/>.
    /// </summary>
    int RowGroupLength { get; }

    /// <summary>
    /// For points <c>inputs[k * count + p]</c> (problem coordinates) effectively computes
    /// <c>channels[c * count + p]</c> = channel c of u at point p, with parameters θ.
    /// </summary>
    void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int count, Span<double> channels);

    /// <summary>
    /// After <see cref="Forward"/> on a block: adds <c>Σ_p Σ_c adjoints[c * count + p] · ∂channel_c(p)/∂θ</c>
    /// to the workspace's gradient accumulator, which starts at zero. Accumulating over many blocks
    /// and collecting once lets a network keep its gradient in whatever form is cheapest.
    /// </summary>
    void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints);

    /// <summary>Effectively <c>gradient += accumulator</c>; the accumulator is zero again afterwards.</summary>
    void CollectGradient(Span<double> gradient);

    /// <summary>
    /// After <see cref="Forward"/> on a block: for each point p the sparse row
    /// ∂(Σ_c weights[c * count + p] · channel_c(p))/∂θ, as <see cref="RowLength"/> entries
    /// <c>indices[p * RowLength + e]</c>, <c>values[p * RowLength + e]</c>, indices strictly increasing.
    /// </summary>
    void JacobianRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> weights, Span<int> indices, Span<double> values);
}
