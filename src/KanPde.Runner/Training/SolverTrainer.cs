using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Training;

/// <summary>The real training engine: <see cref="ProblemSolver"/>.</summary>
public sealed class SolverTrainer : IModelTrainer
{
    /// <inheritdoc />
    public int PlannedSteps(ProblemSpec spec, ModelKind model) => ProblemSolver.PlannedSteps(spec, model);

    /// <inheritdoc />
    public TrainingResult Train(CompiledProblem problem, ModelKind model, SolveOptions options, Action<StepRecord>? progress, CancellationToken cancellation) =>
        ProblemSolver.Train(problem, model, options, progress, cancellation);
}
