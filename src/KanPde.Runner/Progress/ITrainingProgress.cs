using KanPde.Core.Training;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Progress;

/// <summary>What is being trained: shown with every progress report.</summary>
/// <param name="Stages">Stages of the schedule (1 for the MLP).</param>
public sealed record ProgressContext(string Problem, ModelKind Model, int PlannedSteps, int Stages)
{
    /// <summary>"KAN" or "MLP".</summary>
    public string ModelName => Names.Name(Model).ToUpperInvariant();
}

/// <summary>Shows training progress while one model trains.</summary>
public interface ITrainingProgress
{
    /// <summary>Runs <paramref name="train"/>, giving it the callback to report each step with, and shows its progress.</summary>
    TrainingResult Track(ProgressContext context, Func<Action<StepRecord>, TrainingResult> train);
}

/// <summary>Shows nothing (<c>--quiet</c>).</summary>
public sealed class SilentProgress : ITrainingProgress
{
    /// <inheritdoc />
    public TrainingResult Track(ProgressContext context, Func<Action<StepRecord>, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return train(_ => { });
    }
}
