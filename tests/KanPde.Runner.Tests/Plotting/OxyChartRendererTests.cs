using KanPde.Runner.Plotting;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Axis = KanPde.Runner.Plotting.Axis;
using Series = KanPde.Runner.Plotting.Series;

namespace KanPde.Runner.Tests.Plotting;

public sealed class OxyChartRendererTests
{
    private static readonly OxyChartRenderer Renderer = new();

    private static readonly double[] Steps = [.. Enumerable.Range(1, 40).Select(i => (double)i)];

    private static XYChart Convergence() => new()
    {
        Title = "Convergence",
        X = new Axis("step"),
        Y = Axis.Log("loss"),
        Series =
        [
            new Series("loss", Steps, [.. Steps.Select(s => Math.Exp(-s / 5))]),
            new Series("error", Steps, [.. Steps.Select(s => s % 10 == 0 ? Math.Exp(-s / 8) : double.NaN)], Dash: LineDash.Dashed, BridgeGaps: true),
            new Series("broken", Steps, [.. Steps.Select(s => s == 20 ? -1 : s)]),
        ],
        Markers = [new VerticalMarker(20, "G=10"), new VerticalMarker(30, "G=20")],
    };

    private static PlotModel Plot(Chart chart) => Assert.IsType<PlotModel>(OxyChartRenderer.Model(chart).Model);

    private static HeatMapChart Map(bool colorBar, AxisScale scale) => new()
    {
        Title = "map",
        Field = new GridField(0, 1, 3, 0, 2, 2, [0, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1]),
        X = new Axis("x"),
        Y = new Axis("y"),
        Value = new Axis("|u − exact|", scale, 1e-6, 1e-1),
        ColorBar = colorBar,
    };

    [Fact]
    public void Render_XYChart_WellFormedSvgAndPngAtLeastTheChartsSize()
    {
        XYChart chart = Convergence();

        RenderedChart rendered = Renderer.Render(chart);

        System.Xml.Linq.XElement svg = Pictures.Check(rendered, chart);
        Assert.Equal("0 0 820 460", (string?)svg.Attribute("viewBox")); // so that a page can scale it
        Assert.Contains("G=10", rendered.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_Series_OnePointPerValueGapsBridgedOrBrokenAsAsked()
    {
        PlotModel model = Plot(Convergence());

        LineSeries[] lines = [.. model.Series.Cast<LineSeries>()];
        Assert.Equal(40, lines[0].Points.Count);
        Assert.Equal(4, lines[1].Points.Count);
        Assert.All(lines[1].Points, p => Assert.True(p.IsDefined()));
        Assert.Equal(40, lines[2].Points.Count);
        Assert.Equal(1, lines[2].Points.Count(p => !p.IsDefined())); // −1 cannot be drawn on the log axis: the line breaks there
        Assert.Equal(LineStyle.Dash, lines[1].LineStyle);
    }

    [Fact]
    public void Model_LogYAxisAndStageMarkers_LogarithmicAxisAndLabelledVerticalLines()
    {
        PlotModel model = Plot(Convergence());

        Assert.IsType<LogarithmicAxis>(model.Axes.Single(a => a.Position == AxisPosition.Left));
        Assert.IsType<LinearAxis>(model.Axes.Single(a => a.Position == AxisPosition.Bottom));
        LineAnnotation[] markers = [.. model.Annotations.OfType<LineAnnotation>()];
        Assert.Equal([(20.0, "G=10"), (30.0, "G=20")], markers.Select(m => (m.X, m.Text)));
        Assert.All(markers, m => Assert.Equal(LineAnnotationType.Vertical, m.Type));
        Assert.Single(model.Legends);
    }

    [Fact]
    public void Model_PointLabelsAndHiddenLegendEntries_TextBesideEachPointAndNoLegendTitle()
    {
        var chart = new XYChart
        {
            X = Axis.Log("parameters"),
            Y = Axis.Log("error"),
            Series = [new Series("KAN", [100, 200], [1e-3, 1e-4], Line: false, Marker: MarkerShape.Circle, PointLabels: ["G=5", null], InLegend: false)],
        };

        PlotModel model = Plot(chart);

        Assert.Equal(["G=5"], model.Annotations.OfType<TextAnnotation>().Select(t => t.Text));
        LineSeries line = Assert.IsType<LineSeries>(Assert.Single(model.Series));
        Assert.Null(line.Title);
        Assert.Equal((LineStyle.None, 0.0, MarkerType.Circle), (line.LineStyle, line.StrokeThickness, line.MarkerType)); // no line in the legend either
    }

    [Theory]
    [InlineData(AxisScale.Linear, typeof(LinearColorAxis))]
    [InlineData(AxisScale.Log, typeof(LogarithmicColorAxis))]
    public void Model_HeatMap_ColourBarOfTheScaleAndRangeAskedFor(AxisScale scale, Type axisType)
    {
        PlotModel model = Plot(Map(colorBar: true, scale));

        OxyPlot.Axes.Axis colors = Assert.Single(model.Axes, a => a is IColorAxis);
        Assert.IsType(axisType, colors);
        Assert.True(colors.IsAxisVisible);
        Assert.Equal((AxisPosition.Right, 1e-6, 1e-1), (colors.Position, colors.Minimum, colors.Maximum));
        HeatMapSeries map = Assert.IsType<HeatMapSeries>(Assert.Single(model.Series));
        Assert.Equal((3, 2), (map.Data.GetLength(0), map.Data.GetLength(1)));
        Assert.Equal(1e-2, map.Data[1, 1]); // node (i = 1, j = 1) is value 1·3 + 1
    }

    [Fact]
    public void Model_HeatMapWithoutColourBar_ColourAxisHiddenAndChartNarrower()
    {
        (IPlotModel withBar, double wide, double tall) = OxyChartRenderer.Model(Map(true, AxisScale.Log));
        (IPlotModel without, double narrow, double same) = OxyChartRenderer.Model(Map(false, AxisScale.Log));

        Assert.False(((PlotModel)without).Axes.Single(a => a is IColorAxis).IsAxisVisible);
        Assert.True(narrow < wide);
        Assert.Equal(tall, same);
        Assert.NotSame(withBar, without);
    }

    [Fact]
    public void Render_HeatMapGrid_WellFormedPicturesAndPanelsSideBySide()
    {
        var grid = new ChartGrid { Title = "two", Panels = [Map(false, AxisScale.Log), Map(true, AxisScale.Log)], Columns = 2 };

        (_, double width, double height) = OxyChartRenderer.Model(grid);
        (_, double w0, double h0) = OxyChartRenderer.Model(grid.Panels[0]);
        (_, double w1, _) = OxyChartRenderer.Model(grid.Panels[1]);

        Assert.Equal(w0 + w1, width, 9);
        Assert.True(height > h0);
        Pictures.Check(Renderer.Render(grid), grid);
    }

    [Fact]
    public void Render_TwoChartsWithDifferentIds_NoSharedElementIds()
    {
        XYChart chart = Convergence();

        string[] a = Ids(Renderer.Render(chart with { Id = "one" }).Svg), b = Ids(Renderer.Render(chart with { Id = "two" }).Svg);

        Assert.NotEmpty(a);
        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public void Render_SameChartTwice_SameSvg()
    {
        XYChart chart = Convergence();

        Assert.Equal(Renderer.Render(chart).Svg, Renderer.Render(chart).Svg);
    }

    private static string[] Ids(string svg) =>
        [.. Pictures.Svg(svg).DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>()];
}
