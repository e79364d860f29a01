using KanPde.Core.Symbolic;

namespace KanPde.Problems.Symbolic;

/// <summary>One edge of the pruned KAN and the function chosen for it (null: it keeps its spline).</summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="From">Input node in the pruned network.</param>
/// <param name="To">Output node in the pruned network.</param>
/// <param name="Fit">The chosen c·f(a·x + b) + d with its R², or null when nothing fits.</param>
/// <param name="BestRSquared">The best R² of any candidate (what the spline would have been replaced by).</param>
public sealed record EdgeReport(int Layer, int From, int To, EdgeFit? Fit, double BestRSquared)
{
    /// <summary>The chosen function's name, or "spline".</summary>
    public string Function => Fit?.Name ?? "spline";
}

/// <summary>
/// The symbolic formula of a trained KAN and its errors: on the evaluation grid against <c>exact</c> (null when
/// the problem has none) and the mean squared PDE residual at the interior collocation points. When some edge keeps
/// its spline, <see cref="Formula"/> is null and <see cref="Reason"/> says why.
/// </summary>
public sealed record FormulaResult(
    string? Formula,
    double? Mse,
    double? RelativeL2,
    double? MaxAbsError,
    double? EquationLoss,
    double? Loss,
    IReadOnlyList<int> PrunedWidth,
    IReadOnlyList<EdgeReport> Edges,
    string? Reason,
    double Seconds);
