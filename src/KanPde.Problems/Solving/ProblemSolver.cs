using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Solving;

/// <summary>Overrides of what the problem says (from the command line, or from C#).</summary>
/// <param name="Seed">Replaces <c>training.seed</c> when given.</param>
/// <param name="Exact">
/// The exact solution as a function of a point (x₀, …, x_{d−1}) in variable order, used instead of the problem's
/// <c>exact</c> to measure errors. The array passed in is reused from one call to the next.
/// </param>
public sealed record SolveOptions(int? Seed = null, Func<double[], double>? Exact = null);

/// <summary>
/// Turns a compiled problem into trained models: collocation points, the loss terms, the initial networks,
/// the schedule and the implementation's defaults (see <see cref="Defaults"/>).
/// </summary>
public static class ProblemSolver
{
    /// <summary>The stand-in for <c>schedule: auto</c> until automatic training lands: grids 5 → 10 → 20, 100 steps each.</summary>
    // lead: auto
    private static readonly IReadOnlyList<StageSpec> AutoStandIn = [new(5, 100, null), new(10, 100, null), new(20, 100, null)];

    /// <summary>The KAN's stages: the file's schedule, or what <c>schedule: auto</c> runs.</summary>
    public static IReadOnlyList<StageSpec> KanStages(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Training.Schedule ?? AutoStandIn; // lead: auto
    }

    /// <summary>Total optimizer steps the model will take at most (for progress bars).</summary>
    public static int PlannedSteps(ProblemSpec spec, ModelKind model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return model == ModelKind.Kan ? KanSteps(spec) : spec.Mlp is null ? 0 : MlpSteps(spec);
    }

    /// <summary>Compiles <paramref name="spec"/> and trains one model on it (see the other overload).</summary>
    public static TrainingResult Train(ProblemSpec spec, ModelKind model, SolveOptions? options = null,
        Action<StepRecord>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Train(CompiledProblem.Compile(spec), model, options ?? new SolveOptions(), progress, cancellation);
    }

    /// <summary>
    /// Trains one model. Divergence is not an exception: the result says <see cref="TrainingStatus.Diverged"/>
    /// and holds the last finite network. Cancellation returns promptly with what was reached.
    /// </summary>
    public static TrainingResult Train(CompiledProblem problem, ModelKind model, SolveOptions options,
        Action<StepRecord>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        ProblemSpec spec = problem.Spec;
        long seed = options.Seed ?? spec.Training.Seed;
        TrainingData data = Data(problem, seed, options.Exact);
        int networkSeed = unchecked((int)(seed ^ (seed >> 32)));
        if (model == ModelKind.Kan)
        {
            KanSpec kan = spec.Kan;
            var network = KanNetwork.Create(problem.Box, kan.Width, kan.Grid, kan.Order, networkSeed);
            var stages = KanStages(spec)
                .Select(s => new TrainingStage(s.Grid, s.Steps, s.Optimizer ?? spec.Training.Optimizer ?? Defaults.Optimizer))
                .ToArray();
            var settings = new TrainerSettings(spec.Training.LearningRate, Defaults.GridUpdate(kan), Defaults.ErrorEvery(KanSteps(spec)));
            return Trainer.Train(ModelKind.Kan, network, data, stages, settings, progress, cancellation);
        }

        MlpSpec mlp = spec.Mlp ?? throw new InvalidOperationException($"Problem '{spec.Name}' has no MLP (mlp: none).");
        var mlpNetwork = MlpNetwork.Create(problem.Box, mlp.Width, mlp.Activation, networkSeed);
        OptimizerKind optimizer = spec.Training.Optimizer ?? Defaults.Optimizer;
        if (optimizer == OptimizerKind.LevenbergMarquardt)
        {
            optimizer = Defaults.MlpInsteadOfLm;
        }

        int mlpSteps = MlpSteps(spec);
        var mlpStages = new[] { new TrainingStage(null, mlpSteps, optimizer) };
        var mlpSettings = new TrainerSettings(spec.Training.LearningRate, null, Defaults.ErrorEvery(mlpSteps));
        return Trainer.Train(ModelKind.Mlp, mlpNetwork, data, mlpStages, mlpSettings, progress, cancellation);
    }

    /// <summary>
    /// The loss terms at the problem's collocation points and the evaluation grid with the exact solution
    /// (<paramref name="exact"/> when given, else the problem's).
    /// </summary>
    public static TrainingData Data(CompiledProblem problem, long seed, Func<double[], double>? exact = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CompiledProblem seeded = seed == problem.Spec.Training.Seed
            ? problem
            : CompiledProblem.Compile(problem.Spec with { Training = problem.Spec.Training with { Seed = seed } });
        WeightsSpec weights = seeded.Spec.Training.Weights;
        var terms = new List<LossTerm> { new("equation", seeded.Equation, seeded.InteriorPoints(), weights.Equation) };
        var equationShare = new List<double> { 1 };
        var conditionShare = new List<double> { 0 };
        foreach (CompiledCondition condition in seeded.Conditions)
        {
            terms.Add(new LossTerm($"condition {condition.Index + 1}", condition.Residual, seeded.ConditionPoints(condition.Index), weights.Conditions * condition.Weight));
            equationShare.Add(0);
            conditionShare.Add(condition.Weight);
        }

        PointSet grid = seeded.EvaluationGrid();
        double[]? values = exact is null ? seeded.Exact?.Evaluate(grid) : Evaluate(exact, grid);
        return new TrainingData(terms, equationShare, conditionShare, values is null ? null : grid, values);
    }

    private static double[] Evaluate(Func<double[], double> function, PointSet points)
    {
        var point = new double[points.Dimension];
        var values = new double[points.Count];
        for (int p = 0; p < points.Count; p++)
        {
            for (int k = 0; k < points.Dimension; k++)
            {
                point[k] = points.Coordinate(k)[p];
            }

            values[p] = function(point);
        }

        return values;
    }

    private static int KanSteps(ProblemSpec spec) => KanStages(spec).Sum(s => s.Steps);

    // mlp.steps absent: equal loss evaluations with the KAN; for now the KAN's planned steps, as before. lead: auto
    private static int MlpSteps(ProblemSpec spec) => spec.Mlp?.Steps ?? Math.Max(1, KanSteps(spec));
}
