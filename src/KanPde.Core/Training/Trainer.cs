using System.Diagnostics;
using KanPde.Core.Networks;
using KanPde.Core.Optimization;

namespace KanPde.Core.Training;

/// <summary>
/// Trains a network through its stages: at each KAN stage boundary every spline is extended to the new
/// grid by least squares (the function is kept and training continues from it), grid updates run as
/// scheduled, errors are measured on the evaluation grid, and a loss that stops being finite ends
/// training with the last finite model.
/// </summary>
public static partial class Trainer
{
    /// <summary>Trains <paramref name="initial"/> (left unchanged) through fixed stages and reports every step to <paramref name="progress"/>.</summary>
    public static TrainingResult Train(ModelKind model, INetwork initial, TrainingData data, IReadOnlyList<TrainingStage> stages,
        TrainerSettings settings, Action<StepRecord>? progress = null, CancellationToken cancellation = default) =>
        Train(model, initial, data, new FixedSchedule(stages), settings, progress, cancellation);

    /// <summary>
    /// Trains <paramref name="initial"/> (left unchanged) through the stages <paramref name="schedule"/> chooses one
    /// after another from the run so far, and reports every step to <paramref name="progress"/>.
    /// </summary>
    public static TrainingResult Train(ModelKind model, INetwork initial, TrainingData data, ISchedule schedule,
        TrainerSettings settings, Action<StepRecord>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(settings);

        var run = new Run(model, Copy(initial), data, settings, progress, cancellation);
        while (run.Status == TrainingStatus.Completed && schedule.Next(run.State) is { } stage)
        {
            run.Stage(stage);
        }

        return run.Result();
    }

    private static INetwork Copy(INetwork network) => network switch
    {
        KanNetwork kan => kan.Clone(),
        MlpNetwork mlp => mlp.Clone(),
        PeriodicNetwork periodic => periodic.Clone(),
        SystemNetwork system => system.Clone(),
        _ => throw new ArgumentException($"Unknown network type {network.GetType().Name}.", nameof(network)),
    };

    private static IOptimizer CreateOptimizer(OptimizerKind kind, PinnLoss loss, TrainerSettings settings) => kind switch
    {
        OptimizerKind.Lbfgs => new Lbfgs(loss, initialStep: settings.LearningRate),
        OptimizerKind.Adam => new Adam(loss, settings.LearningRate),
        OptimizerKind.LevenbergMarquardt => new LevenbergMarquardt(loss, settings.LearningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
