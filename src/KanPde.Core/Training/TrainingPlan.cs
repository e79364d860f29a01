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

/// <summary>One stage of training: a KAN grid (null for an MLP), a step budget and an optimizer.</summary>
public sealed record TrainingStage(int? Grid, int Steps, OptimizerKind Optimizer);

/// <summary>Refit every KAN layer's grid to its inputs every <paramref name="Every"/> steps during the first <paramref name="Until"/> steps of each stage.</summary>
public sealed record GridUpdateSchedule(int Every, int Until);

/// <summary>Optimizer and measurement settings shared by all stages.</summary>
/// <param name="LearningRate">Adam's step size, L-BFGS's first step length, LM's initial damping; null for each one's default.</param>
/// <param name="GridUpdate">KAN grid updates, or null for none.</param>
/// <param name="ErrorEvery">Measure errors on the evaluation grid every this many steps (and at the end of every stage).</param>
public sealed record TrainerSettings(double? LearningRate = null, GridUpdateSchedule? GridUpdate = null, int ErrorEvery = 1);

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
