using KanPde.Core.Networks;
using KanPde.Runner.Plotting;
using KanPde.Runner.Reporting;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;
using KanPde.Runner.Tests.Plotting;

namespace KanPde.Runner.Tests.Reporting;

public sealed class TrainingFiguresTests
{
    private static ProblemOutcome Tiny2d() => FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

    [Fact]
    public void Convergence_BySteps_OnePointPerHistoryRowOnALogAxisAndTheStageMarked()
    {
        ProblemOutcome outcome = Tiny2d();
        int kanRows = HistoryCsv.Write(outcome.Kan!.History).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        XYChart chart = TrainingFigures.Convergence(outcome, bySeconds: false);

        Assert.Equal(["KAN loss", "KAN relative L² error", "MLP loss", "MLP relative L² error"], chart.Series.Select(s => s.Name));
        Assert.Equal(20, kanRows);
        Assert.Equal(outcome.Kan.History.Select(h => (double)h.Step), chart.Series[0].X);
        Assert.Equal(outcome.Mlp!.History.Select(h => h.Loss), chart.Series[2].Y);
        Assert.True(chart.Series[1].BridgeGaps);
        Assert.Equal(AxisScale.Log, chart.Y.Scale);
        Assert.Equal([new VerticalMarker(10, "G=6")], chart.Markers); // the 3 → 6 extension after the first stage's 10 steps
    }

    [Fact]
    public void Convergence_BySeconds_HistorySecondsOnTheXAxisAndTheMarkerAtTheStagesLastSecond()
    {
        ProblemOutcome outcome = Tiny2d();

        XYChart chart = TrainingFigures.Convergence(outcome, bySeconds: true);

        Assert.Equal(outcome.Kan!.History.Select(h => h.Seconds), chart.Series[0].X);
        Assert.Equal(outcome.Mlp!.History.Select(h => h.Seconds), chart.Series[2].X);
        Assert.Equal(outcome.Kan.History[9].Seconds, Assert.Single(chart.Markers).X);
        Assert.Equal(("training time (s)", AxisScale.Log), (chart.X.Title, chart.X.Scale));
        Pictures.Check(new OxyChartRenderer().Render(chart), chart);
    }

    [Fact]
    public void Convergence_NoExact_OnlyLossCurves()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Heat3d));

        XYChart chart = TrainingFigures.Convergence(outcome, bySeconds: false);

        Assert.Equal(["KAN loss", "MLP loss"], chart.Series.Select(s => s.Name));
        Assert.Equal("training loss", chart.Y.Title);
    }

    [Fact]
    public void Scaling_TwoStagesAndMlp_PointPerStageMlpAndGuideThroughLastKanPoint()
    {
        ProblemOutcome outcome = Tiny2d();

        XYChart chart = TrainingFigures.Scaling(outcome);

        Series kan = chart.Series.Single(s => s.Name == "KAN");
        Assert.Equal(outcome.Kan!.Stages.Select(s => (double)s.Parameters), kan.X);
        Assert.Equal(outcome.Kan.Stages.Select(s => s.Errors!.RelativeL2), kan.Y);
        Assert.Equal(["G=3", "G=6"], kan.PointLabels!);
        Assert.Equal([(double)outcome.Mlp!.Parameters], chart.Series.Single(s => s.Name == "MLP").X);
        Series guide = chart.Series.Single(s => s.Name == "∝ G⁻⁴");
        Assert.Equal(kan.X[^1], guide.X[^1], 9);
        Assert.Equal(kan.Y[^1], guide.Y[^1], 15);
        Assert.Equal(16, guide.Y[0] / guide.Y[^1], 9); // from G = 3 to G = 6: 2⁴
        Assert.Equal((AxisScale.Log, AxisScale.Log), (chart.X.Scale, chart.Y.Scale));
        Assert.True(chart.X.Min < kan.X.Min() && chart.Y.Max > kan.Y.Max());
    }

    [Fact]
    public void Activations_Kan231_OnePanelPerEdgeOverItsGridRangeGroupedByLayer()
    {
        ProblemOutcome outcome = Tiny2d();

        ChartGrid chart = TrainingFigures.Activations(outcome)!;

        ChartGrid[] layers = [.. chart.Panels.Cast<ChartGrid>()];
        Assert.Equal(["layer 0: 2 → 3", "layer 1: 3 → 1"], layers.Select(l => l.Title));
        Assert.Equal([6, 3], layers.Select(l => l.Panels.Count));
        XYChart first = Assert.IsType<XYChart>(layers[0].Panels[0]);
        Assert.Equal("φ[0](0,0)", first.Title);
        var grid = ((KanNetwork)outcome.Kan!.Network).Layers[0].Grids[0];
        Assert.Equal((grid.Low, grid.High), (first.Series[0].X[0], first.Series[0].X[^1]));
        Assert.Contains(first.Series[0].Y, y => y != 0);
        Pictures.Check(new OxyChartRenderer().Render(chart), chart);
    }

    [Fact]
    public void Activations_MlpOnly_None()
    {
        var problem = TestProblems.Compiled(TestProblems.Poisson2d);

        Assert.Null(TrainingFigures.Activations(new ProblemOutcome(problem, null, FakeResults.Mlp(problem))));
    }
}
