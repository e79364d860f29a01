using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Training;

/// <summary>Trains one model on a problem: the seam between the runner and the training engine (tests substitute their own).</summary>
public interface IModelTrainer
{
    /// <summary>Total optimizer steps the model will take, for progress bars.</summary>
    int PlannedSteps(ProblemSpec spec, ModelKind model);

    /// <summary>
    /// Trains <paramref name="model"/>; never throws for divergence (Status = Diverged), returns promptly with
    /// Status = Cancelled when <paramref name="cancellation"/> fires.
    /// </summary>
    TrainingResult Train(CompiledProblem problem, ModelKind model, SolveOptions options, Action<StepRecord>? progress, CancellationToken cancellation);
}
