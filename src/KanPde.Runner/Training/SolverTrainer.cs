using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Training;

/// <summary>The real training engine. Placeholder until ProblemSolver lands in main.</summary>
public sealed class SolverTrainer : IModelTrainer
{
    /// <inheritdoc />
    public int PlannedSteps(ProblemSpec spec, RunModel model) =>
        model == RunModel.Kan ? spec?.Training.TotalSteps ?? 0 : spec?.Mlp?.Steps ?? 0;

    /// <inheritdoc />
    public TrainingResult Train(CompiledProblem problem, RunModel model, int? seed, Action<StepRecord>? progress, CancellationToken cancellation) =>
        throw new NotSupportedException("The training engine is not available in this build yet.");
}
