using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Training;

/// <summary>The real training engine: <see cref="ProblemSolver"/>.</summary>
public sealed class SolverTrainer : IModelTrainer
{
    /// <inheritdoc />
    public int PlannedSteps(ProblemSpec spec, RunModel model) => ProblemSolver.PlannedSteps(spec, Kind(model));

    /// <inheritdoc />
    public TrainingResult Train(CompiledProblem problem, RunModel model, int? seed, Action<StepRecord>? progress, CancellationToken cancellation) =>
        ProblemSolver.Train(problem, Kind(model), new SolveOptions(seed), progress, cancellation);

    private static ModelKind Kind(RunModel model) => model == RunModel.Kan ? ModelKind.Kan : ModelKind.Mlp;
}
