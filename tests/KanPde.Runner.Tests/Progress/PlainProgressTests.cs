using KanPde.Core.Training;
using KanPde.Runner.Progress;
using KanPde.Runner.Tests.Fakes;
using KanPde.Runner.Training;

namespace KanPde.Runner.Tests.Progress;

public sealed class PlainProgressTests
{
    private static readonly ProgressContext Context = new("tiny2d", ModelKind.Kan, 20, 2);

    [Fact]
    public void Track_StepsEveryTwoSecondsOfAFakeClockWithIntervalFive_StartTwoProgressLinesAndEnd()
    {
        var output = new StringWriter();
        var now = TimeSpan.Zero;
        var progress = new PlainProgress(output, TimeSpan.FromSeconds(5), () => now);
        TrainingResult result = FakeResults.Kan(TestProblems.Compiled(TestProblems.Poisson2d));

        progress.Track(Context, report =>
        {
            foreach (StepRecord step in result.History.Take(12))
            {
                now += TimeSpan.FromSeconds(1);
                report(step);
            }

            return result;
        });

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("tiny2d KAN: training, 20 steps", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("tiny2d KAN: stage 1/2 G=3  step 5/20  loss ", lines[1]);
        Assert.Contains("rel. L2 0.04", lines[1]);
        Assert.StartsWith("tiny2d KAN: stage 1/2 G=3  step 10/20", lines[2]);
        Assert.StartsWith("tiny2d KAN: completed: 20 steps in 0.5 s", lines[3]);
    }

    [Fact]
    public void Track_Diverged_FinalLineSaysWhere()
    {
        var output = new StringWriter();
        var progress = new PlainProgress(output, TimeSpan.FromSeconds(5), () => TimeSpan.Zero);
        TrainingResult result = FakeResults.Kan(TestProblems.Compiled(TestProblems.Poisson2d), TrainingStatus.Diverged, stopAt: 4);

        progress.Track(Context, _ => result);

        Assert.Contains("tiny2d KAN: DIVERGED at step 5: 4 steps", output.ToString());
    }
}
