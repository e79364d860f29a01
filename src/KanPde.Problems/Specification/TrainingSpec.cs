using KanPde.Core.Sampling;

namespace KanPde.Problems.Specification;

/// <summary>Collocation, loss weights, optimizer and the grid-extension schedule.</summary>
/// <param name="Seed">Seeds every random choice.</param>
/// <param name="Points">Interior points, and points per face of each condition (unless the condition sets its own).</param>
/// <param name="Sampling">How points are placed.</param>
/// <param name="Weights">Loss weights.</param>
/// <param name="Optimizer">The optimizer, or null for the implementation's default.</param>
/// <param name="LearningRate">Adam's step size / L-BFGS's initial step, or null for the optimizer's default.</param>
/// <param name="Schedule">Grid-extension stages, at least one.</param>
public sealed record TrainingSpec(
    long Seed,
    PointsSpec Points,
    SamplingMethod Sampling,
    WeightsSpec Weights,
    OptimizerKind? Optimizer,
    double? LearningRate,
    IReadOnlyList<StageSpec> Schedule)
{
    /// <summary>Steps over all stages.</summary>
    public int TotalSteps => Schedule.Sum(s => s.Steps);
}

/// <summary>Interior points in the box, and default points per face.</summary>
public sealed record PointsSpec(int Interior, int Boundary);

/// <summary>loss = Equation · mean(residual²) + Conditions · Σ_c weight_c · mean(residual_c²).</summary>
public sealed record WeightsSpec(double Equation, double Conditions);

/// <summary>One grid-extension stage: train <paramref name="Steps"/> steps at grid <paramref name="Grid"/>, optionally with its own optimizer.</summary>
public sealed record StageSpec(int Grid, int Steps, OptimizerKind? Optimizer);

/// <summary>Errors are measured on a uniform tensor grid of <paramref name="Points"/> per axis, bounds included.</summary>
public sealed record EvaluationSpec(int Points);
