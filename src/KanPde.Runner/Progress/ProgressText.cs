using System.Globalization;
using KanPde.Core.Training;
using KanPde.Runner.Results;

namespace KanPde.Runner.Progress;

/// <summary>The words of progress reports, shared by the live display and the plain lines.</summary>
public static class ProgressText
{
    /// <summary>"stage 2/3 G=10 step 143/300 loss 1.23e-05 rel. L2 3.40e-04 12.3 s".</summary>
    public static string Step(ProgressContext context, StepRecord step, double? lastError)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(step);
        string grid = step.Grid is int g ? string.Create(CultureInfo.InvariantCulture, $" G={g}") : "";
        string error = lastError is { } e ? $"  rel. L2 {SummaryTable.Figure(e)}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"stage {step.Stage + 1}/{context.Stages}{grid}  step {step.Step}/{context.PlannedSteps}  loss {SummaryTable.Figure(step.Loss)}{error}  {step.Seconds:0.0} s");
    }

    /// <summary>How a model's training ended, in one line.</summary>
    public static string Finished(TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string error = result.Errors is { } e ? $", rel. L2 {SummaryTable.Figure(e.RelativeL2)}" : "";
        string how = result.Status switch
        {
            TrainingStatus.Completed => "completed",
            TrainingStatus.Diverged => $"DIVERGED at step {result.DivergedAtStep}",
            TrainingStatus.Cancelled => "interrupted",
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Unknown training status."),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{how}: {result.Steps} steps in {result.Seconds:0.0} s, loss {SummaryTable.Figure(result.Loss)}{error}");
    }
}
