using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Specification;
using CoreOptimizer = KanPde.Core.Training.OptimizerKind;
using SpecOptimizer = KanPde.Problems.Specification.OptimizerKind;

namespace KanPde.Problems.Solving;

/// <summary>The two models a run trains.</summary>
public enum ModelKind
{
    /// <summary>The Kolmogorov–Arnold network.</summary>
    Kan,

    /// <summary>The MLP baseline.</summary>
    Mlp,
}

/// <summary>Overrides from the command line.</summary>
/// <param name="Seed">Replaces <c>training.seed</c> when given.</param>
public sealed record SolveOptions(int? Seed = null);

/// <summary>
/// Turns a compiled problem into trained models: collocation points, the loss terms, the initial networks,
/// the schedule and the implementation's defaults (see <see cref="Defaults"/>).
/// </summary>
public static class ProblemSolver
{
    /// <summary>Total optimizer steps the model will take at most (for progress bars).</summary>
    public static int PlannedSteps(ProblemSpec spec, ModelKind model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return model == ModelKind.Kan ? spec.Training.TotalSteps : spec.Mlp?.Steps ?? 0;
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
        TrainingData data = Data(problem, seed);
        int networkSeed = unchecked((int)(seed ^ (seed >> 32)));
        if (model == ModelKind.Kan)
        {
            KanSpec kan = spec.Kan;
            var network = KanNetwork.Create(problem.Box, kan.Width, kan.Grid, kan.Order, networkSeed);
            var stages = spec.Training.Schedule
                .Select(s => new TrainingStage(s.Grid, s.Steps, Map(s.Optimizer ?? spec.Training.Optimizer) ?? Defaults.Optimizer))
                .ToArray();
            var settings = new TrainerSettings(spec.Training.LearningRate, Defaults.GridUpdate(kan), Defaults.ErrorEvery(spec.Training.TotalSteps));
            return Trainer.Train("kan", network, data, stages, settings, progress, cancellation);
        }

        MlpSpec mlp = spec.Mlp ?? throw new InvalidOperationException($"Problem '{spec.Name}' has no MLP (mlp: none).");
        var mlpNetwork = MlpNetwork.Create(problem.Box, mlp.Width, Map(mlp.Activation), networkSeed);
        CoreOptimizer optimizer = Map(spec.Training.Optimizer) ?? Defaults.Optimizer;
        if (optimizer == CoreOptimizer.LevenbergMarquardt)
        {
            optimizer = Defaults.MlpInsteadOfLm;
        }

        var mlpStages = new[] { new TrainingStage(null, mlp.Steps, optimizer) };
        var mlpSettings = new TrainerSettings(spec.Training.LearningRate, null, Defaults.ErrorEvery(mlp.Steps));
        return Trainer.Train("mlp", mlpNetwork, data, mlpStages, mlpSettings, progress, cancellation);
    }

    /// <summary>The loss terms at the problem's collocation points and the evaluation grid with the exact solution.</summary>
    public static TrainingData Data(CompiledProblem problem, long seed)
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
        double[]? exact = seeded.Exact?.Evaluate(grid);
        return new TrainingData(terms, equationShare, conditionShare, exact is null ? null : grid, exact);
    }

    private static CoreOptimizer? Map(SpecOptimizer? kind) => kind switch
    {
        null => null,
        SpecOptimizer.Lbfgs => CoreOptimizer.Lbfgs,
        SpecOptimizer.Adam => CoreOptimizer.Adam,
        SpecOptimizer.Lm => CoreOptimizer.LevenbergMarquardt,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Core.Networks.Activation Map(Specification.Activation activation) => activation switch
    {
        Specification.Activation.Tanh => Core.Networks.Activation.Tanh,
        Specification.Activation.Sin => Core.Networks.Activation.Sin,
        Specification.Activation.Silu => Core.Networks.Activation.Silu,
        _ => Core.Networks.Activation.Softplus,
    };
}
