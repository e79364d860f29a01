namespace KanPde.Core.Symbolic;

/// <summary>
/// How an edge's function is chosen among the fitted candidates:
/// <list type="number">
/// <item>Candidates that fit exactly, 1 − R² ≤ <see cref="ExactTolerance"/>: the simplest
/// (<see cref="SymbolicFunctions.Complexity"/>), ties broken by the higher R².</item>
/// <item>Otherwise the best R², if R² ≥ <see cref="MinimumRSquared"/> (the refit against the PDE corrects it,
/// and the formula's measured errors say how well it holds).</item>
/// <item>Otherwise none: the edge keeps its spline, and no formula is reported.</item>
/// </list>
/// A function that fits is never discarded for a simpler one that fits worse (unlike a weighted score of
/// complexity and log(1 − R²)).
/// </summary>
public sealed record SelectionRule
{
    /// <summary>1 − R² at or below which a fit counts as exact (default 1e-7).</summary>
    public double ExactTolerance { get; init; } = 1e-7;

    /// <summary>The least R² for a function to replace an edge when none fits exactly (default 0.999).</summary>
    public double MinimumRSquared { get; init; } = 0.999;

    /// <summary>The functions tried (default: all of <see cref="SymbolicFunctions.All"/>).</summary>
    public IReadOnlyList<SymbolicFunction> Library { get; init; } = SymbolicFunctions.All;

    /// <summary>The chosen candidate by the rule above, or null.</summary>
    public EdgeFit? Choose(IReadOnlyList<EdgeFit> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        EdgeFit? exact = candidates
            .Where(c => 1 - c.RSquared <= ExactTolerance)
            .OrderBy(c => SymbolicFunctions.Complexity(c.Function)).ThenByDescending(c => c.RSquared)
            .FirstOrDefault();
        if (exact is not null)
        {
            return exact;
        }

        EdgeFit? best = candidates.Where(c => double.IsFinite(c.RSquared)).MaxBy(c => c.RSquared);
        return best is not null && best.RSquared >= MinimumRSquared ? best : null;
    }
}
