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

/// <summary>One stage of training: a KAN grid (null for an MLP; else at least 1), a step budget (at least 0) and an optimizer.</summary>
public sealed record TrainingStage(int? Grid, int Steps, OptimizerKind Optimizer)
{
    /// <summary>The KAN grid of the stage, or null for an MLP.</summary>
    public int? Grid { get; init => field = CheckGrid(value); } = CheckGrid(Grid);

    /// <summary>Optimizer steps of the stage.</summary>
    public int Steps { get; init => field = NotNegative(value, nameof(Steps)); } = NotNegative(Steps, nameof(Steps));

    /// <summary>The stage's optimizer.</summary>
    public OptimizerKind Optimizer { get; init => field = CheckOptimizer(value); } = CheckOptimizer(Optimizer);

    private static int? CheckGrid(int? grid)
    {
        if (grid is int g)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(g, 1, nameof(Grid));
        }

        return grid;
    }

    private static OptimizerKind CheckOptimizer(OptimizerKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(Optimizer), kind, "Not an optimizer.");

    private static int NotNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}

/// <summary>Refit every KAN layer's grid to its inputs every <paramref name="Every"/> steps (at least 1) during the first <paramref name="Until"/> steps (at least 0) of each stage.</summary>
public sealed record GridUpdateSchedule(int Every, int Until)
{
    /// <summary>Steps between updates.</summary>
    public int Every { get; init => field = AtLeast(value, 1, nameof(Every)); } = AtLeast(Every, 1, nameof(Every));

    /// <summary>Updates happen during the first this many steps of a stage.</summary>
    public int Until { get; init => field = AtLeast(value, 0, nameof(Until)); } = AtLeast(Until, 0, nameof(Until));

    private static int AtLeast(int value, int minimum, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, minimum, name);
        return value;
    }
}

/// <summary>Optimizer and measurement settings shared by all stages.</summary>
/// <param name="LearningRate">Adam's step size, L-BFGS's first step length, LM's initial damping; null for each one's default.</param>
/// <param name="GridUpdate">KAN grid updates, or null for none.</param>
/// <param name="ErrorEvery">Measure errors on the evaluation grid every this many steps (and at the end of every stage).</param>
public sealed record TrainerSettings(double? LearningRate = null, GridUpdateSchedule? GridUpdate = null, int ErrorEvery = 1)
{
    /// <summary>The first step size or damping, positive and finite, or null for each optimizer's default.</summary>
    public double? LearningRate { get; init => field = CheckRate(value); } = CheckRate(LearningRate);

    /// <summary>Steps between error measurements, at least 1.</summary>
    public int ErrorEvery { get; init => field = CheckEvery(value); } = CheckEvery(ErrorEvery);

    private static double? CheckRate(double? rate) =>
        rate is double r && !(r > 0 && double.IsFinite(r)) ? throw new ArgumentOutOfRangeException(nameof(LearningRate), r, "Must be positive and finite.") : rate;

    private static int CheckEvery(int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1, nameof(ErrorEvery));
        return every;
    }
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
