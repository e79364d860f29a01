using KanPde.Core.Sampling;

namespace KanPde.Core.Training;

/// <summary>Which optimizer a stage uses.</summary>
public enum OptimizerKind
{
    /// <summary>L-BFGS with a strong-Wolfe line search.</summary>
    Lbfgs,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>Levenberg–Marquardt (damped Gauss–Newton) on the sparse Jacobian.</summary>
    LevenbergMarquardt,
}

/// <summary>The two kinds of model a run trains.</summary>
public enum ModelKind
{
    /// <summary>The Kolmogorov–Arnold network.</summary>
    Kan,

    /// <summary>The MLP baseline.</summary>
    Mlp,
}

/// <summary>One stage of training: a KAN grid (null for an MLP), a step budget and an optimizer.</summary>
/// <remarks>
/// The stage ends after <see cref="Steps"/> steps (reason <see cref="StageEndReason.Steps"/>, or
/// <see cref="StageEndReason.MaxSteps"/> when <see cref="StepsAreRunBudget"/>), when <see cref="Stall"/> says it has
/// stalled, when the loss falls to <see cref="FloorLoss"/> or the optimizer can lower it no more, or on divergence.
/// </remarks>
public sealed record TrainingStage
{
    /// <summary>A stage; the grid is at least 1 and the steps are not negative.</summary>
    public TrainingStage(int? grid, int steps, OptimizerKind optimizer, StallRule? stall = null, double floorLoss = 0, bool stepsAreRunBudget = false,
        int? maxEvaluations = null)
    {
        if (maxEvaluations is int m)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(m, 1, nameof(maxEvaluations));
        }

        MaxEvaluations = maxEvaluations;
        if (grid is int g)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(g, 1, nameof(Grid));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(steps, nameof(Steps));
        if (!Enum.IsDefined(optimizer))
        {
            throw new ArgumentOutOfRangeException(nameof(Optimizer), optimizer, "Unknown optimizer.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(floorLoss);
        (Grid, Steps, Optimizer, Stall, FloorLoss, StepsAreRunBudget) = (grid, steps, optimizer, stall, floorLoss, stepsAreRunBudget);
    }

    /// <summary>The KAN's grid in this stage; null for an MLP.</summary>
    public int? Grid { get; }

    /// <summary>Steps at most.</summary>
    public int Steps { get; }

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; }

    /// <summary>Ends the stage when progress stalls; null never.</summary>
    public StallRule? Stall { get; }

    /// <summary>Ends the stage when the loss is at or below this value (0: only when no decrease is possible).</summary>
    public double FloorLoss { get; }

    /// <summary>Ends the stage once it has used this many loss evaluations; null for no such limit.</summary>
    public int? MaxEvaluations { get; }

    /// <summary>The steps are what is left of the run's total budget (so their end is reported as max_steps).</summary>
    public bool StepsAreRunBudget { get; }
}

/// <summary>Refit every KAN layer's grid to its inputs every <see cref="Every"/> steps during the first <see cref="Until"/> steps of each stage.</summary>
public sealed record GridUpdateSchedule
{
    /// <summary>A schedule; every is at least 1 and until not negative.</summary>
    public GridUpdateSchedule(int Every, int Until)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Every, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(Until);
        (this.Every, this.Until) = (Every, Until);
    }

    /// <summary>Steps between updates.</summary>
    public int Every { get; }

    /// <summary>Updates happen during the first this many steps of a stage.</summary>
    public int Until { get; }
}

/// <summary>Optimizer and measurement settings shared by all stages.</summary>
/// <param name="LearningRate">Adam's step size, L-BFGS's first step length, LM's initial damping; null for each one's default.</param>
/// <param name="GridUpdate">KAN grid updates, or null for none.</param>
/// <param name="ErrorEvery">Measure errors on the evaluation grid every this many steps (and at the end of every stage).</param>
/// <param name="KeepBestStage">Return the network of the stage that ended with the lowest loss, when a later stage ended higher
/// (a grid extension can lose accuracy that its stage does not win back).</param>
/// <param name="GridUpdateStages">Grid updates run in the first this many stages only (null: in every stage).</param>
public sealed record TrainerSettings(double? LearningRate = null, GridUpdateSchedule? GridUpdate = null, int ErrorEvery = 1,
    bool KeepBestStage = false, int? GridUpdateStages = null)
{
    /// <summary>Error measurement interval; at least 1.</summary>
    public int ErrorEvery { get; } = ErrorEvery >= 1 ? ErrorEvery : throw new ArgumentOutOfRangeException(nameof(ErrorEvery), ErrorEvery, "Must be at least 1.");

    /// <summary>A positive finite learning rate, or null.</summary>
    public double? LearningRate { get; } = LearningRate is null or (> 0 and < double.PositiveInfinity)
        ? LearningRate
        : throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive and finite.");
}

/// <summary>What a model is trained on and measured against.</summary>
/// <param name="Terms">The loss terms (weights included).</param>
/// <param name="EquationShare">Per term: its factor in the reported equation loss (1 for the equation, else 0).</param>
/// <param name="ConditionShare">Per term: its factor in the reported condition loss (the condition's weight, else 0).</param>
/// <param name="EvaluationPoints">Where errors are measured, or null.</param>
/// <param name="ExactValues">The exact solution at those points, or null when unknown.</param>
public sealed record TrainingData(
    IReadOnlyList<LossTerm> Terms,
    IReadOnlyList<double> EquationShare,
    IReadOnlyList<double> ConditionShare,
    PointSet? EvaluationPoints,
    IReadOnlyList<double>? ExactValues)
{
    /// <summary>Every collocation point of every term, in one set (for grid updates).</summary>
    public PointSet AllPoints()
    {
        int d = Terms[0].Points.Dimension, total = Terms.Sum(t => t.Points.Count);
        var data = new double[d * total];
        for (int k = 0; k < d; k++)
        {
            int offset = k * total;
            foreach (LossTerm term in Terms)
            {
                term.Points.Coordinate(k).CopyTo(data.AsSpan(offset));
                offset += term.Points.Count;
            }
        }

        return new PointSet(d, data);
    }
}
