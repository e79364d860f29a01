using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Problems.Specification;

/// <summary>Collocation, loss weights, optimizer and the grid-extension schedule.</summary>
/// <param name="Seed">Seeds every random choice.</param>
/// <param name="Points">Interior points, and points per face of each condition (unless the condition sets its own).</param>
/// <param name="Sampling">How points are placed.</param>
/// <param name="Weights">Loss weights.</param>
/// <param name="Optimizer">The optimizer, or null for the implementation's default.</param>
/// <param name="LearningRate">Adam's step size / L-BFGS's initial step, or null for the optimizer's default.</param>
/// <param name="Schedule">Grid-extension stages (at least one), or null for <c>schedule: auto</c>.</param>
/// <param name="MaxSteps">The total step budget of <c>schedule: auto</c> (at least 1), or null for the default; only with auto.</param>
public sealed record TrainingSpec(
    long Seed,
    PointsSpec Points,
    SamplingMethod Sampling,
    WeightsSpec Weights,
    OptimizerKind? Optimizer,
    double? LearningRate,
    IReadOnlyList<StageSpec>? Schedule,
    int? MaxSteps = null)
{
    /// <summary>Grid-extension stages, or null for automatic training.</summary>
    public IReadOnlyList<StageSpec>? Schedule { get; init => field = CheckSchedule(value); } = CheckSchedule(Schedule);

    /// <summary>The step budget of automatic training, or null for the default.</summary>
    public int? MaxSteps { get; init => field = Require.AtLeast(value, 1, nameof(MaxSteps)); } = Require.AtLeast(MaxSteps, 1, nameof(MaxSteps));

    /// <summary>Whether the implementation chooses the stages (<c>schedule: auto</c>, or no schedule).</summary>
    public bool IsAuto => Schedule is null;

    private static IReadOnlyList<StageSpec>? CheckSchedule(IReadOnlyList<StageSpec>? schedule)
    {
        if (schedule is not null && (schedule.Count == 0 || schedule.Any(s => s is null)))
        {
            throw new ArgumentException("An explicit schedule needs at least one stage; null means auto.", nameof(Schedule));
        }

        return schedule;
    }
}

/// <summary>Interior points in the box, and default points per face (both at least 1).</summary>
public sealed record PointsSpec(int Interior, int Boundary)
{
    /// <summary>Interior collocation points.</summary>
    public int Interior { get; init => field = Require.AtLeast(value, 1, nameof(Interior)); } = Require.AtLeast(Interior, 1, nameof(Interior));

    /// <summary>Points per face of each condition that does not set its own.</summary>
    public int Boundary { get; init => field = Require.AtLeast(value, 1, nameof(Boundary)); } = Require.AtLeast(Boundary, 1, nameof(Boundary));
}

/// <summary>loss = Equation · mean(residual²) + Conditions · Σ_c weight_c · mean(residual_c²).</summary>
public sealed record WeightsSpec(double Equation, double Conditions);

/// <summary>One grid-extension stage: train <paramref name="Steps"/> steps (at least 1) at grid <paramref name="Grid"/> (at least 1), optionally with its own optimizer.</summary>
public sealed record StageSpec(int Grid, int Steps, OptimizerKind? Optimizer)
{
    /// <summary>Grid intervals G of the stage.</summary>
    public int Grid { get; init => field = Require.AtLeast(value, 1, nameof(Grid)); } = Require.AtLeast(Grid, 1, nameof(Grid));

    /// <summary>Optimizer steps of the stage.</summary>
    public int Steps { get; init => field = Require.AtLeast(value, 1, nameof(Steps)); } = Require.AtLeast(Steps, 1, nameof(Steps));

    /// <summary>The stage's own optimizer, or null for <c>training.optimizer</c>.</summary>
    public OptimizerKind? Optimizer { get; init => field = Require.Defined(value, nameof(Optimizer)); } = Require.Defined(Optimizer, nameof(Optimizer));
}

/// <summary>Errors are measured on a uniform tensor grid of <paramref name="Points"/> per axis (at least 2), bounds included.</summary>
public sealed record EvaluationSpec(int Points)
{
    /// <summary>The default grid has at most this many points in all.</summary>
    public const int DefaultTotal = 200_000;

    /// <summary>The default grid never has more than this many points per axis.</summary>
    public const int DefaultMaxPerAxis = 101;

    /// <summary>Points per axis.</summary>
    public int Points { get; init => field = Require.AtLeast(value, 2, nameof(Points)); } = Require.AtLeast(Points, 2, nameof(Points));

    /// <summary>
    /// The default points per axis for <paramref name="variables"/> variables: n = min(101, ⌊200000^(1/d)⌋),
    /// the largest n with n^d ≤ 200,000 (d = 1, 2: 101; d = 3: 58; d = 4: 21; d = 5: 11), at least 2.
    /// </summary>
    public static int DefaultPoints(int variables)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(variables, 1);
        int n = 2;
        while (n < DefaultMaxPerAxis && Fits(n + 1, variables))
        {
            n++;
        }

        return n;

        static bool Fits(int perAxis, int d)
        {
            long total = 1;
            for (int k = 0; k < d; k++)
            {
                total *= perAxis;
                if (total > DefaultTotal)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
