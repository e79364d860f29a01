using KanPde.Core.Training;
using Spectre.Console;

namespace KanPde.Runner.Progress;

/// <summary>
/// Progress on a terminal: a live line per model with its stage, grid, step, loss, current error and elapsed time (in the
/// description, so it stays on one line down to about 120 columns), a short bar and the percentage.
/// </summary>
public sealed class LiveProgress(IAnsiConsole console) : ITrainingProgress
{
    /// <inheritdoc />
    public TrainingResult Track(ProgressContext context, Func<Action<StepRecord>, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(train);
        string name = Markup.Escape($"{context.Problem} {context.ModelName}");
        TrainingResult? result = null;
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 16 }, new PercentageColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(name, maxValue: Math.Max(1, context.PlannedSteps));
                double? error = null;
                result = train(step =>
                {
                    error = step.RelativeL2 ?? error;
                    task.Value = step.Step;
                    task.Description = $"{name}  {Markup.Escape(ProgressText.Step(context, step, error))}";
                });
                task.Description = $"{name}  {Markup.Escape(ProgressText.Finished(result))}";
                if (result.Status == TrainingStatus.Completed)
                {
                    task.Value = task.MaxValue;
                }

                task.StopTask();
            });
        return result!;
    }
}
