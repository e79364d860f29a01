using System.Diagnostics;
using KanPde.Core.Training;

namespace KanPde.Runner.Progress;

/// <summary>
/// Progress as plain lines, for output that is not a terminal (a log file, CI): one line when a model starts,
/// one every <see cref="Interval"/> while it trains, and one when it ends.
/// </summary>
public sealed class PlainProgress(TextWriter output, TimeSpan interval, Func<TimeSpan>? clock = null) : ITrainingProgress
{
    private readonly Func<TimeSpan> _clock = clock ?? StopwatchClock();

    /// <summary>Time between progress lines.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <inheritdoc />
    public TrainingResult Track(ProgressContext context, Func<Action<StepRecord>, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(train);
        string prefix = $"{context.Problem} {context.ModelName}: ";
        output.WriteLine($"{prefix}training, {context.PlannedSteps} steps");
        TimeSpan next = _clock() + Interval;
        double? error = null;
        TrainingResult result = train(step =>
        {
            error = step.RelativeL2 ?? error;
            TimeSpan now = _clock();
            if (now >= next)
            {
                output.WriteLine(prefix + ProgressText.Step(context, step, error));
                next = now + Interval;
            }
        });
        output.WriteLine(prefix + ProgressText.Finished(result));
        return result;
    }

    private static Func<TimeSpan> StopwatchClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }
}
