using KanPde.Runner.Plotting.Svg;
using KanPde.Runner.Reporting;
using KanPde.Runner.Tests.Fakes;
using KanPde.Runner.Tests.Plotting.Svg;

namespace KanPde.Runner.Tests.Reporting;

public sealed class FieldFiguresTests
{
    private static readonly SvgChartRenderer Renderer = new();

    [Fact]
    public void Build_TwoVariables_SolutionHeatMapLinearAndErrorHeatMapLogWithColourBars()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

        IReadOnlyList<Figure> figures = FieldFigures.Build(outcome, Renderer);

        Assert.Equal(["solution.svg", "error.svg"], figures.Select(f => f.FileName));
        SvgDocument solution = SvgDocument.Parse(figures[0].Svg), error = SvgDocument.Parse(figures[1].Svg);
        Assert.Equal("11", (string?)solution.Single("heat-map").Attribute("data-nx"));
        Assert.Single(solution.WithClass("colorbar"));
        Assert.Equal("linear", (string?)solution.Single("value-axis").Attribute("data-scale"));
        Assert.Equal("log", (string?)error.Single("value-axis").Attribute("data-scale"));
        Assert.All(error.TickValues("value-axis"), t => Assert.Equal(Math.Round(Math.Log10(t)), Math.Log10(t), 12));
    }

    [Fact]
    public void Build_OneVariable_CurvesAgainstXWithTheExactSolution()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson1d));

        IReadOnlyList<Figure> figures = FieldFigures.Build(outcome, Renderer);

        SvgDocument solution = SvgDocument.Parse(figures[0].Svg), error = SvgDocument.Parse(figures[1].Svg);
        Assert.Empty(solution.WithClass("heat-map"));
        Assert.Equal("401", (string?)solution.Series("exact").Attribute("data-points"));
        Assert.Equal("401", (string?)solution.Series("KAN").Attribute("data-points"));
        Assert.Equal("log", (string?)error.Single("y-axis").Attribute("data-scale"));
    }

    [Fact]
    public void Build_ThreeVariables_FourSlicesOfTheFirstVariableSharingOneColourRange()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Heat3d));

        Figure solution = Assert.Single(FieldFigures.Build(outcome, Renderer));

        SvgDocument svg = SvgDocument.Parse(solution.Svg);
        Assert.Equal(4, svg.WithClass("heat-map").Count());
        Assert.Equal(["t = 0", "t = 0.3333", "t = 0.6667", "t = 1"],
            svg.WithClass("title").Skip(1).Select(t => t.Value[(t.Value.IndexOf(" at ", StringComparison.Ordinal) + 4)..]));
        string[] ranges = [.. svg.WithClass("colorbar").Select(c => string.Join(",", c.Descendants().Where(e => (string?)e.Attribute("class") == "tick").Select(e => (string?)e.Attribute("data-value"))))];
        Assert.Single(ranges.Distinct());
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
}
