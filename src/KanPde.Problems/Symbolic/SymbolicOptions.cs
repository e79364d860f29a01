using KanPde.Core.Symbolic;

namespace KanPde.Problems.Symbolic;

/// <summary>Settings of <see cref="SymbolicRegression.Extract"/>.</summary>
public sealed record SymbolicOptions
{
    /// <summary>The seed the KAN was trained with (its collocation points), or null for the file's training.seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Pruning thresholds.</summary>
    public PruningOptions Pruning { get; init; } = new();

    /// <summary>Levenberg–Marquardt steps of the retraining after pruning (none when nothing was pruned).</summary>
    public int RetrainSteps { get; init; } = 20;

    /// <summary>How an edge's function is chosen.</summary>
    public SelectionRule Selection { get; init; } = new();

    /// <summary>Levenberg–Marquardt steps of each refit of the formula's constants.</summary>
    public int RefitSteps { get; init; } = 60;

    /// <summary>Rounds of refit, rounding and simplification.</summary>
    public int Rounds { get; init; } = 3;
}
