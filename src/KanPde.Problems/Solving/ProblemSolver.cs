using KanPde.Core;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Solving;

/// <summary>Overrides of what the problem says (from the command line, or from C#), and what one model's training
/// hands to the next.</summary>
/// <param name="Seed">Replaces <c>training.seed</c> when given.</param>
/// <param name="Exact">
/// The exact solution as a function of a point (x₀, …, x_{d−1}) in variable order, used instead of the problem's
/// <c>exact</c> to measure errors. The array passed in is reused from one call to the next.
/// </param>
/// <param name="MlpEvaluations">The MLP's budget of loss evaluations when <c>mlp.steps</c> is absent: the KAN's count in
/// this run, so that both models get the same budget. Null when no KAN was trained: the KAN's planned steps instead.</param>
public sealed record SolveOptions(int? Seed = null, Func<double[], double>? Exact = null, int? MlpEvaluations = null);

/// <summary>
/// Turns a compiled problem into trained models: collocation points, the loss terms, the initial networks,
/// the schedule and the implementation's defaults (see <see cref="Defaults"/>).
/// </summary>
public static class ProblemSolver
{
    /// <summary>Whether the KAN trains with <c>schedule: auto</c> (the default when the file gives no schedule).</summary>
    public static bool IsAuto(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Training.Schedule is null;
    }

    /// <summary>
    /// The KAN's stages: the file's schedule; for <c>schedule: auto</c> the grids it may run (doubling from the first
    /// grid up to the largest the points support) with the step budget split evenly, an outline for progress displays:
    /// the stages auto really runs, and their lengths, come from the run.
    /// </summary>
    public static IReadOnlyList<StageSpec> KanStages(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Training.Schedule is { } explicitStages)
        {
            return explicitStages;
        }

        int maxGrid = AutoTraining.MaxGrid(InnerWidth(spec, spec.Kan.Width), spec.Kan.Order, spec.Training.Points.Interior, spec.Variables.Count, spec.Kan.Grid,
            spec.Training.Sampling != SamplingMethod.Grid);
        var grids = new List<int> { spec.Kan.Grid };
        while (grids[^1] < maxGrid)
        {
            grids.Add(Math.Min(2 * grids[^1], maxGrid));
        }

        int budget = MaxSteps(spec);
        return [.. grids.Select((g, i) => new StageSpec(g, budget / grids.Count + (i < budget % grids.Count ? 1 : 0), null))];
    }

    /// <summary>Total optimizer steps the model will take at most (for progress bars).</summary>
    public static int PlannedSteps(ProblemSpec spec, ModelKind model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return model == ModelKind.Kan ? KanSteps(spec) : spec.Mlp is null ? 0 : spec.Mlp.Steps ?? KanSteps(spec);
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
            INetwork Network(int networkSeedOfRun) => System(spec, problem, k => Periodic(spec, problem.Box,
                (box, width) => KanNetwork.Create(box, width, kan.Grid, kan.Order, UnknownSeed(networkSeedOfRun, k)), kan.Width));
            ISchedule Auto() => AutoTraining.Schedule(InnerWidth(spec, kan.Width), kan.Order, spec.Training.Points.Interior, spec.Variables.Count, kan.Grid,
                MaxSteps(spec), spec.Training.Optimizer, spec.Unknowns.Count, spec.Parameters.Count, spec.Training.Sampling != SamplingMethod.Grid);
            ISchedule schedule = spec.Training.Schedule is { } stages
                ? new FixedSchedule([.. stages.Select(s => new TrainingStage(s.Grid, s.Steps, s.Optimizer ?? spec.Training.Optimizer ?? Defaults.Optimizer))])
                : Auto();
            var settings = new TrainerSettings(spec.Training.LearningRate, Defaults.GridUpdate(kan), Defaults.ErrorEvery(KanSteps(spec)),
                KeepBestStage: IsAuto(spec));
            TrainingResult result = Trainer.Train(ModelKind.Kan, Network(networkSeed), data, schedule, settings, progress, cancellation);
            if (!IsAuto(spec))
            {
                return result;
            }

            // A run that lowered its loss by less than RestartRatio is stuck in a poor local minimum (measured: good runs
            // end 1e-6 … 1e-10 below their first loss, stuck ones 1e-1 … 1e-2): start again from another initialisation
            // and keep the attempt with the lowest loss. Decided by the losses alone, so runs stay reproducible.
            double seconds = result.Seconds;
            int attempts = 1;
            for (; attempts <= AutoTraining.Restarts && Stuck(result) && !cancellation.IsCancellationRequested; attempts++)
            {
                TrainingResult next = Trainer.Train(ModelKind.Kan, Network(unchecked(networkSeed + (attempts * 104729))), data, Auto(), settings, progress, cancellation);
                seconds += next.Seconds;
                if (next.Status == TrainingStatus.Completed && next.Loss < result.Loss)
                {
                    result = next; // a stuck result is a completed one, so only a better completed run replaces it
                }
            }

            return result with { Seconds = seconds, Attempts = attempts };
        }

        MlpSpec mlp = spec.Mlp ?? throw new InvalidOperationException($"Problem '{spec.Name}' has no MLP (mlp: none).");
        INetwork mlpNetwork = System(spec, problem, k => Periodic(spec, problem.Box, (box, width) => MlpNetwork.Create(box, width, mlp.Activation, UnknownSeed(networkSeed, k)), mlp.Width));
        OptimizerKind optimizer = spec.Training.Optimizer ?? Defaults.Optimizer;
        if (optimizer == OptimizerKind.LevenbergMarquardt)
        {
            optimizer = Defaults.MlpInsteadOfLm;
        }

        // mlp.steps, when given, is the budget; otherwise the KAN's loss evaluations (equal work per evaluation of the
        // loss, and no clock involved, so the run stays reproducible).
        TrainingStage mlpStage = mlp.Steps is int steps
            ? new TrainingStage(null, steps, optimizer)
            : new TrainingStage(null, Defaults.MlpStepCap, optimizer, maxEvaluations: Math.Max(1, options.MlpEvaluations ?? KanSteps(spec)));
        var mlpSettings = new TrainerSettings(spec.Training.LearningRate, null, Defaults.ErrorEvery(mlp.Steps ?? options.MlpEvaluations ?? KanSteps(spec)));
        return Trainer.Train(ModelKind.Mlp, mlpNetwork, data, [mlpStage], mlpSettings, progress, cancellation);
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
        PointSet interior = seeded.InteriorPoints();
        var terms = new List<LossTerm>();
        var equationShare = new List<double>();
        var conditionShare = new List<double>();
        for (int e = 0; e < seeded.Equations.Count; e++)
        {
            terms.Add(new LossTerm(seeded.Equations.Count == 1 ? "equation" : $"equation {e + 1}", seeded.Equations[e], interior, weights.Equation));
            equationShare.Add(1);
            conditionShare.Add(0);
        }

        foreach (CompiledCondition condition in seeded.Conditions)
        {
            (IResidual residual, PointSet points) = seeded.ConditionTerm(condition.Index);
            terms.Add(new LossTerm($"condition {condition.Index + 1}", residual, points, weights.Conditions * condition.Weight));
            equationShare.Add(0);
            conditionShare.Add(condition.Weight);
        }

        // Observations count with the conditions: they pin the solution down as boundary data do.
        foreach (LossTerm observation in seeded.ObservationTerms(seed))
        {
            terms.Add(observation);
            equationShare.Add(0);
            conditionShare.Add(observation.Weight);
        }

        PointSet grid = seeded.EvaluationGrid();
        double[]? values = exact is null ? seeded.ExactValues(grid) : Evaluate(exact, grid);
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

    // One network per unknown and one constant per parameter; a problem of u alone keeps its single network.
    private static INetwork System(ProblemSpec spec, CompiledProblem problem, Func<int, INetwork> create)
    {
        if (!spec.IsSystem)
        {
            return create(0);
        }

        return new SystemNetwork([.. Enumerable.Range(0, spec.Unknowns.Count).Select(create)],
            [.. spec.Parameters.Select(p => new ConstantNetwork(problem.Box, p.Initial))]);
    }

    private static bool Stuck(TrainingResult result) =>
        result.Status == TrainingStatus.Completed && result.History.Count > 0 && !(result.Loss < AutoTraining.RestartRatio * result.History[0].Loss);

    // Periodic variables enter as cos θ and sin θ: the network sees one more input per periodic variable.
    private static INetwork Periodic(ProblemSpec spec, Box box, Func<Box, IReadOnlyList<int>, INetwork> create, IReadOnlyList<int> width) =>
        spec.Periodic.Count == 0
            ? create(box, width)
            : new PeriodicNetwork(box, spec.Periodic, create(PeriodicNetwork.InnerDomain(box, spec.Periodic), InnerWidth(spec, width)));

    /// <summary>The widths of the network trained: <paramref name="width"/> with one more input per periodic variable.</summary>
    public static IReadOnlyList<int> InnerWidth(ProblemSpec spec, IReadOnlyList<int> width)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(width);
        return [width[0] + spec.Periodic.Count, .. width.Skip(1)];
    }

    // Unknown 0 keeps the problem's seed, so a file of u alone starts from the same network as before.
    private static int UnknownSeed(int seed, int unknown) => unchecked(seed + (unknown * 7919));

    private static int KanSteps(ProblemSpec spec) => spec.Training.Schedule?.Sum(s => s.Steps) ?? MaxSteps(spec);

    private static int MaxSteps(ProblemSpec spec) => spec.Training.MaxSteps ?? AutoTraining.DefaultMaxSteps;
}
