using KanPde.Runner.Plotting;
using KanPde.Runner.Reporting;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;
using KanPde.Runner.Tests.Plotting;

namespace KanPde.Runner.Tests.Reporting;

public sealed class FieldFiguresTests
{
    private static readonly OxyChartRenderer Renderer = new();

    private static Chart Named(ProblemOutcome outcome, string name) => FieldFigures.Charts(outcome).Single(c => c.Name == name).Chart;

    [Fact]
    public void Charts_TwoVariablesBothModels_KanAndMlpHeatMapsOnOneScaleWithOneColourBar()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

        Assert.Equal(["solution", "error"], FieldFigures.Charts(outcome).Select(c => c.Name));
        foreach ((string name, AxisScale scale) in new[] { ("solution", AxisScale.Linear), ("error", AxisScale.Log) })
        {
            ChartGrid grid = Assert.IsType<ChartGrid>(Named(outcome, name));
            HeatMapChart[] maps = [.. grid.Panels.Cast<HeatMapChart>()];
            Assert.Equal(["KAN", "MLP"], maps.Select(m => m.Title));
            Assert.Equal(2, grid.Columns);
            Assert.Equal([false, true], maps.Select(m => m.ColorBar));
            Assert.Single(maps.Select(m => m.Value).Distinct());
            Assert.Equal(scale, maps[0].Value.Scale);
            double[] all = [.. maps.SelectMany(m => m.Field.Values).Where(v => scale == AxisScale.Linear || v > 0)];
            Assert.Equal((all.Min(), all.Max()), (maps[0].Value.Min!.Value, maps[0].Value.Max!.Value));
            Pictures.Check(Renderer.Render(grid), grid);
        }
    }

    [Fact]
    public void Charts_OneVariableBothModels_ExactKanAndMlpOnOneAxisAndErrorsOnALogAxis()
    {
        string yaml = TestProblems.Poisson1d.Replace("mlp: none", "mlp:\n  width: [1, 4, 1]", StringComparison.Ordinal);
        var outcome = FakeResults.Outcome(TestProblems.Compiled(yaml));

        XYChart solution = Assert.IsType<XYChart>(Named(outcome, "solution"));
        XYChart error = Assert.IsType<XYChart>(Named(outcome, "error"));

        Assert.Equal(["exact", "u KAN", "u MLP"], solution.Series.Select(s => s.Name));
        Assert.All(solution.Series, s => Assert.Equal(401, s.X.Count));
        Assert.Equal(["|u − exact| KAN", "|u − exact| MLP"], error.Series.Select(s => s.Name));
        Assert.Equal(AxisScale.Log, error.Y.Scale);
        Assert.Equal(Math.Abs(solution.Series[1].Y[200] - solution.Series[0].Y[200]), error.Series[0].Y[200], 15);
    }

    [Fact]
    public void Charts_OneVariableKanOnly_ExactAndKan()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson1d));

        XYChart solution = Assert.IsType<XYChart>(Named(outcome, "solution"));

        Assert.Equal(["exact", "u KAN"], solution.Series.Select(s => s.Name));
    }

    [Fact]
    public void Charts_ThreeVariables_FourSlicesPerModelSharingOneColourRangeAndOneBar()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Heat3d));

        var (name, _, chart) = Assert.Single(FieldFigures.Charts(outcome));

        ChartGrid grid = Assert.IsType<ChartGrid>(chart);
        HeatMapChart[] maps = [.. grid.Panels.Cast<HeatMapChart>()];
        Assert.Equal("solution", name);
        Assert.Equal(4, grid.Columns);
        Assert.Equal(["KAN, t = 0", "KAN, t = 0.3333", "KAN, t = 0.6667", "KAN, t = 1"], maps.Take(4).Select(m => m.Title));
        Assert.All(maps.Skip(4), m => Assert.StartsWith("MLP, t = ", m.Title, StringComparison.Ordinal));
        Assert.Single(maps.Select(m => m.Value).Distinct());
        Assert.Equal(3, Array.FindIndex(maps, m => m.ColorBar));
        Assert.Single(maps, m => m.ColorBar);
    }

    [Fact]
    public void Slices_FourVariables_LastTwoPlottedMiddleOneAtItsCentre()
    {
        var box = new KanPde.Core.Box([0.0, 0, 0, 0], [1.0, 2, 1, 1]);

        IReadOnlyList<Slice> slices = FieldSampler.Slices(box, ["t", "z", "x", "y"]);

        Assert.Equal(4, slices.Count);
        Assert.All(slices, s => Assert.Equal((2, 3, 1.0), (s.XAxis, s.YAxis, s.Fixed[1])));
        Assert.Equal("t = 1, z = 1", slices[^1].Label);
    }

    [Fact]
    public void Grid_Slice_XVariesFastestOthersFixed()
    {
        var box = new KanPde.Core.Box([0.0, 0, 0], [1.0, 2, 4]);
        var slice = new Slice(1, 2, [0.5, 0, 0], "t = 0.5");

        var points = FieldSampler.Grid(box, slice, 3);

        Assert.Equal(9, points.Count);
        Assert.Equal([0.5, 1.0, 4.0], [points.Coordinates[0 * 9 + 7], points.Coordinates[1 * 9 + 7], points.Coordinates[2 * 9 + 7]]); // j = 2, i = 1
    }
}
