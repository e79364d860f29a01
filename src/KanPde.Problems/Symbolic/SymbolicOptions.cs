using KanPde.Core.Symbolic;

namespace KanPde.Problems.Symbolic;

/// <summary>Settings of <see cref="SymbolicRegression.Extract"/>.</summary>
public sealed record SymbolicOptions
{
    /// <summary>The seed the KAN was trained with (its collocation points), or null for the file's training.seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Pruning thresholds.</summary>
    public PruningOptions Pruning { get; init; } = new();

    /// <summary>Levenberg–Marquardt steps of the retraining after pruning (none when nothing was pruned or pruning kept the loss; see <see cref="RetrainAbove"/>).</summary>
    public int RetrainSteps { get; init; } = 20;

    /// <summary>Retrain after pruning only when the pruned network's loss exceeds this many times the original's.</summary>
    public double RetrainAbove { get; init; } = 1.1;

    /// <summary>How an edge's function is chosen.</summary>
    public SelectionRule Selection { get; init; } = new();

    /// <summary>Levenberg–Marquardt steps of each refit of the formula's constants.</summary>
    public int RefitSteps { get; init; } = 60;

    /// <summary>
    /// For an edge that no function fits exactly, how many other candidates with R² ≥ the rule's minimum are tried in
    /// the formula (simplest first); the one whose refitted formula has the lowest PINN loss is kept. 0: R² alone decides.
    /// </summary>
    public int VerifyAlternatives { get; init; } = 3;

    /// <summary>A formula is reported only when its refitted PINN loss is at most this many times the pruned KAN's.</summary>
    public double MaxLossRatio { get; init; } = 10;

    /// <summary>Rounds of refit, rounding and simplification.</summary>
    public int Rounds { get; init; } = 3;
}
