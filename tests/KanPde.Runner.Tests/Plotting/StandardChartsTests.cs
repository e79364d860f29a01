using KanPde.Runner.Plotting;
using KanPde.Runner.Plotting.Svg;
using KanPde.Runner.Tests.Plotting.Svg;

namespace KanPde.Runner.Tests.Plotting;

public sealed class StandardChartsTests
{
    private static readonly SvgChartRenderer Renderer = new();

    [Fact]
    public void StageBoundaries_ThreeStages_MarkersAtCumulativeStepsLabelledWithTheNextGrid()
    {
        IReadOnlyList<VerticalMarker> markers = StandardCharts.StageBoundaries([(5, 100), (10, 150), (20, 100)]);

        Assert.Equal([new VerticalMarker(100, "G=10"), new VerticalMarker(250, "G=20")], markers);
    }

    [Fact]
    public void Convergence_KanAndMlp_LogAxisFourSeriesAndLabelledStageMarkers()
    {
        double[] steps = Enumerable.Range(0, 201).Select(i => (double)i).ToArray();
        double[] loss = steps.Select(s => Math.Exp(-s / 20)).ToArray();
        double[] error = steps.Select(s => s % 10 == 0 ? Math.Exp(-s / 40) : double.NaN).ToArray();
        XYChart chart = StandardCharts.Convergence(
            [new TrainingCurves("KAN", steps, loss, error), new TrainingCurves("MLP", steps, loss, error)],
            StandardCharts.StageBoundaries([(5, 100), (10, 100)]));

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Equal(AxisScale.Log, chart.Y.Scale);
        Assert.Equal(["KAN loss", "KAN relative L² error", "MLP loss", "MLP relative L² error"], chart.Series.Select(s => s.Name));
        Assert.Equal([201], SvgDocument.SegmentPointCounts(svg.Series("KAN loss")));
        Assert.Equal([21], SvgDocument.SegmentPointCounts(svg.Series("KAN relative L² error")));
        Assert.Equal(["G=10"], svg.WithClass("stage-label").Select(t => t.Value));
        Assert.Equal(LineDash.Dashed, chart.Series[1].Dash);
        Assert.Equal(chart.Series[0].Color, chart.Series[1].Color);
        Assert.NotEqual(chart.Series[0].Color, chart.Series[2].Color);
    }

    [Fact]
    public void Scaling_StagesMlpAndGuide_LogLogLabelledPointsAndDashedGuideInLegend()
    {
        ScalingPoint[] kan = [new(300, 7e-4, "G=5"), new(450, 1e-4, "G=10"), new(750, 8e-6, "G=20")];
        var guide = new Series("∝ G⁻⁴", [300, 750], [7e-4, 7e-4 / 16]);

        XYChart chart = StandardCharts.Scaling(kan, new ScalingPoint(1200, 3e-3, "MLP"), guide);
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Equal((AxisScale.Log, AxisScale.Log), (chart.X.Scale, chart.Y.Scale));
        Assert.Equal(["G=5", "G=10", "G=20", "MLP"], svg.WithClass("point-label").Select(t => t.Value));
        Assert.Equal(["∝ G⁻⁴", "KAN", "MLP"], svg.WithClass("legend-entry").Select(t => t.Value));
        Assert.Equal(3, svg.Series("KAN").Elements(SvgDocument.Ns + "g").Single().Elements().Count());
        Assert.NotNull(svg.Series("∝ G⁻⁴").Element(SvgDocument.Ns + "polyline")!.Attribute("stroke-dasharray"));
        Assert.NotEqual(chart.Series[1].Marker, chart.Series[2].Marker);
    }

    [Fact]
    public void Profile_WithExact_ExactDrawnFirstAndBothInLegend()
    {
        double[] x = [0, 0.5, 1];

        XYChart chart = StandardCharts.Profile(x, [0, 1, 0], [0, 1.01, 0], "x", "u");

        Assert.Equal(["exact", "KAN"], chart.Series.Select(s => s.Name));
        Assert.Equal(AxisScale.Linear, chart.Y.Scale);
        Assert.Equal(2, SvgDocument.Parse(Renderer.Render(chart)).WithClass("legend-entry").Count());
    }

    [Fact]
    public void AbsoluteError_Field_LogColourScale()
    {
        var field = new GridField(0, 1, 2, 0, 1, 2, [0, 1e-6, 1e-4, 1e-3]);

        HeatMapChart chart = StandardCharts.AbsoluteError(field);

        Assert.Equal(AxisScale.Log, chart.Value.Scale);
        Assert.Equal(4, SvgDocument.Parse(Renderer.Render(chart)).Single("cells").Elements().Count());
    }

    [Fact]
    public void Activations_TwoLayers_GroupedByLayerWithPykanTitles()
    {
        double[] x = [-1, 0, 1];
        EdgeCurve[] edges = [new(1, 0, 0, x, x), new(0, 1, 0, x, x), new(0, 0, 1, x, x), new(0, 0, 0, x, x)];

        SmallMultiplesChart chart = StandardCharts.Activations(edges);

        Assert.Equal(["layer 0: 2 → 2", "layer 1: 1 → 1"], chart.Groups.Select(g => g.Heading));
        Assert.Equal(["φ[0](0,0)", "φ[0](0,1)", "φ[0](1,0)"], chart.Groups[0].Panels.Select(p => p.Title));
    }

    [Fact]
    public void Render_SameChartTwice_IdenticalText()
    {
        XYChart chart = StandardCharts.Profile([0, 0.1, 0.2], [1, 2, 3], null);

        Assert.Equal(Renderer.Render(chart), Renderer.Render(chart));
    }

    [Fact]
    public void Render_ChartId_PrefixesTheClipPathId()
    {
        XYChart chart = StandardCharts.Profile([0, 1], [1, 2], null) with { Id = "solution 1" };

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Equal("url(#solution1-plot)", (string?)svg.Single("data").Attribute("clip-path"));
    }
}
