using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;

namespace KanPde.Core.Training;

/// <summary>
/// A residual ρ(x, u, ∂u, ∂²u) of an equation or condition: a smooth function of the point and of
/// the derivative terms of u listed in <see cref="Terms"/> (in the point's own coordinates).
/// </summary>
public interface IResidual
{
    /// <summary>The terms of u the residual reads, in the order of the <c>fields</c> it is given.</summary>
    IReadOnlyList<DerivativeTerm> Terms { get; }

    /// <summary>
    /// Prepares evaluation at fixed points: everything that depends on the points alone (source terms,
    /// coefficients) is computed here once, not in the training loop.
    /// </summary>
    IResidualEvaluator Prepare(PointSet points);
}

/// <summary>A residual bound to its points. <see cref="Evaluate"/> is thread-safe.</summary>
public interface IResidualEvaluator
{
    /// <summary>Number of points it was prepared for.</summary>
    int Count { get; }

    /// <summary>
    /// For the block of points <c>start .. start+count-1</c>, effectively computes
    /// <c>residual[p] = ρ(x[start+p], fields[·, p])</c> and
    /// <c>partials[t * count + p] = ∂ρ/∂field_t</c>, where <c>fields[t * count + p]</c> is term
    /// <c>Terms[t]</c> of u at that point.
    /// </summary>
    void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials);
}
