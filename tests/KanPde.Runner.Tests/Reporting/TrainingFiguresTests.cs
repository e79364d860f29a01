using KanPde.Runner.Plotting;
using KanPde.Runner.Plotting.Svg;
using KanPde.Runner.Reporting;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;
using KanPde.Runner.Tests.Plotting.Svg;

namespace KanPde.Runner.Tests.Reporting;

public sealed class TrainingFiguresTests
{
    private static readonly SvgChartRenderer Renderer = new();

    private static int DataPoints(SvgDocument svg, string series) => int.Parse((string)svg.Series(series).Attribute("data-points")!);

    [Fact]
    public void Convergence_BothModels_OnePointPerHistoryRowOnALogAxisWithPowerOfTenTicks()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));
        int kanRows = HistoryCsv.Write(outcome.Kan!.History).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        int mlpRows = HistoryCsv.Write(outcome.Mlp!.History).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(TrainingFigures.Convergence(outcome)));

        Assert.Equal(20, kanRows);
        Assert.Equal(kanRows, DataPoints(svg, "KAN loss"));
        Assert.Equal(mlpRows, DataPoints(svg, "MLP loss"));
        Assert.Equal(outcome.Kan.History.Count(h => h.RelativeL2 is not null), DataPoints(svg, "KAN relative L² error"));
        Assert.Equal("log", (string?)svg.Single("y-axis").Attribute("data-scale"));
        double[] ticks = svg.TickValues("y-axis");
        Assert.True(ticks.Length >= 2);
        Assert.All(ticks, t => Assert.Equal(Math.Round(Math.Log10(t)), Math.Log10(t), 12));
        Assert.Equal(["G=6"], svg.WithClass("stage-label").Select(t => t.Value));
    }

    [Fact]
    public void Convergence_NoExact_OnlyLossCurves()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Heat3d));

        XYChart chart = TrainingFigures.Convergence(outcome);

        Assert.Equal(["KAN loss", "MLP loss"], chart.Series.Select(s => s.Name));
        Assert.Equal("training loss", chart.Y.Title);
    }

    [Fact]
    public void Scaling_TwoStagesAndMlp_PointPerStageMlpAndGuideThroughLastKanPoint()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

        XYChart chart = TrainingFigures.Scaling(outcome);
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Series kan = chart.Series.Single(s => s.Name == "KAN");
        Assert.Equal(outcome.Kan!.Stages.Select(s => (double)s.Parameters), kan.X);
        Assert.Equal(outcome.Kan.Stages.Select(s => s.Errors!.RelativeL2), kan.Y);
        Assert.Equal([(double)outcome.Mlp!.Parameters], chart.Series.Single(s => s.Name == "MLP").X);
        Series guide = chart.Series.Single(s => s.Name == "∝ G⁻⁴");
        Assert.Equal(kan.X[^1], guide.X[^1], 9);
        Assert.Equal(kan.Y[^1], guide.Y[^1], 15);
        Assert.Equal(16, guide.Y[0] / guide.Y[^1], 9); // from G = 3 to G = 6: 2⁴
        Assert.Equal(["G=3", "G=6", "MLP"], svg.WithClass("point-label").Select(t => t.Value));
        Assert.All(svg.TickValues("x-axis"), t => Assert.Equal(Math.Round(Math.Log10(t)), Math.Log10(t), 12));
    }

    [Fact]
    public void Activations_Kan231_OnePanelPerEdgeOverItsGridRange()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

        SmallMultiplesChart chart = TrainingFigures.Activations(outcome)!;
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Equal(2 * 3 + 3 * 1, svg.WithClass("panel").Count());
        Panel first = chart.Groups[0].Panels[0];
        var grid = ((KanPde.Core.Networks.KanNetwork)outcome.Kan!.Network).Layers[0].Grids[0];
        Assert.Equal((grid.Low, grid.High), (first.X[0], first.X[^1]));
        Assert.Contains(first.Y, y => y != 0);
    }

    [Fact]
    public void Activations_MlpOnly_None()
    {
        var problem = TestProblems.Compiled(TestProblems.Poisson2d);

        Assert.Null(TrainingFigures.Activations(new ProblemOutcome(problem, null, FakeResults.Mlp(problem))));
    }
}
