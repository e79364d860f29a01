using System.Xml.Linq;
using KanPde.Runner.Plotting;
using KanPde.Runner.Plotting.Svg;

namespace KanPde.Runner.Tests.Plotting.Svg;

public sealed class XYChartSvgTests
{
    private static readonly SvgChartRenderer Renderer = new();

    private static XYChart Chart(Axis y, params Series[] series) => new()
    {
        Title = "test",
        X = new Axis("step"),
        Y = y,
        Series = series,
    };

    private static double[] Range(int n) => Enumerable.Range(0, n).Select(i => (double)i).ToArray();

    [Fact]
    public void Render_FiniteLineSeries_OnePolylineWithEveryPoint()
    {
        double[] x = Range(57);
        var chart = Chart(new Axis("u"), new Series("u", x, x.Select(Math.Sin).ToArray()));

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        XElement series = svg.Series("u");
        Assert.Equal([57], SvgDocument.SegmentPointCounts(series));
        Assert.Equal("57", (string?)series.Attribute("data-points"));
        Assert.Equal(SvgDocument.Ns + "svg", svg.Root.Name);
    }

    [Fact]
    public void Render_NaNInTheMiddle_BreaksTheLineAndSkipsThePoint()
    {
        double[] x = Range(10);
        double[] y = x.Select(v => v == 4 ? double.NaN : v).ToArray();

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(new Axis("u"), new Series("s", x, y))));

        Assert.Equal([4, 5], SvgDocument.SegmentPointCounts(svg.Series("s")));
    }

    [Fact]
    public void Render_BridgeGaps_JoinsAcrossMissingPoints()
    {
        double[] x = Range(10);
        double[] y = x.Select(v => v % 3 == 0 ? v + 1 : double.NaN).ToArray();

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Axis.Log("error"), new Series("e", x, y) { BridgeGaps = true })));

        Assert.Equal([4], SvgDocument.SegmentPointCounts(svg.Series("e")));
    }

    [Fact]
    public void Render_NonPositiveOnLogAxis_SkippedWithoutException()
    {
        double[] x = Range(8);
        double[] y = [1e-2, 0, -3, 1e-4, 1e-5, double.NaN, double.PositiveInfinity, 1e-7];

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Axis.Log("loss"), new Series("loss", x, y))));

        XElement series = svg.Series("loss");
        Assert.Equal([2], SvgDocument.SegmentPointCounts(series));
        Assert.Equal(2, series.Elements(SvgDocument.Ns + "circle").Count());
        Assert.Equal("4", (string?)series.Attribute("data-points"));
    }

    [Fact]
    public void Render_SeriesWithNothingDrawableOnLogAxis_StillRenders()
    {
        var chart = Chart(Axis.Log("loss"), new Series("zero", [0, 1], [0, -1]));

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Empty(SvgDocument.SegmentPointCounts(svg.Series("zero")));
        Assert.Equal([1, 10], svg.TickValues("y-axis"));
    }

    [Fact]
    public void Render_LogAxis_TickLabelsExactlyAtPowersOfTenCoveringTheData()
    {
        double[] x = Range(50);
        double[] y = x.Select(v => 0.3 * Math.Pow(10, -v / 10)).ToArray(); // 0.3 down to about 3.8e-6

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Axis.Log("loss"), new Series("loss", x, y))));

        double[] ticks = svg.TickValues("y-axis");
        Assert.All(ticks, t => Assert.Equal(Math.Round(Math.Log10(t)), Math.Log10(t), 12));
        Assert.True(ticks.Min() <= y.Min() && ticks.Max() >= y.Max());
        Assert.Equal("log", (string?)svg.Single("y-axis").Attribute("data-scale"));
        Assert.All(svg.Single("y-axis").Descendants(SvgDocument.Ns + "tspan"), t => Assert.Matches("^\u2212?[0-9]+$", t.Value));
    }

    [Fact]
    public void Render_LinearAxis_TicksAreEvenOneTwoFiveMultiples()
    {
        double[] x = [0, 300];
        var chart = Chart(new Axis("u"), new Series("s", x, [-0.93, 1.71]));

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        foreach (string axis in new[] { "x-axis", "y-axis" })
        {
            double[] ticks = svg.TickValues(axis);
            Assert.True(ticks.Length >= 3, axis);
            double step = ticks[1] - ticks[0];
            double mantissa = Math.Round(step / Math.Pow(10, Math.Floor(Math.Log10(step))), 9);
            Assert.Contains(mantissa, new[] { 1.0, 2.0, 5.0 });
            Assert.All(ticks.Zip(ticks.Skip(1)), p => Assert.Equal(step, p.Second - p.First, 9));
            Assert.All(ticks, t => Assert.Equal(Math.Round(t / step), t / step, 9));
        }

        Assert.Equal(0, svg.TickValues("x-axis")[0]);
        Assert.Equal(300, svg.TickValues("x-axis")[^1]);
    }

    [Fact]
    public void Render_NarrowChart_ThinsXTicksSoLabelsDoNotOverlap()
    {
        double[] x = [0, 123456];
        var chart = Chart(new Axis("u"), new Series("s", x, [0, 1])) with { Width = 260, Height = 200 };

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        double[] ticks = svg.TickValues("x-axis");
        Assert.InRange(ticks.Length, 2, 4);
    }

    [Fact]
    public void Render_TextWithMarkupCharacters_IsEscapedAndControlCharactersDropped()
    {
        const string name = "a<b & \"c\" 'd'>\u0001";
        var chart = Chart(new Axis("x < 1 & y > 2", "m/s"), new Series(name, [0, 1], [1, 2])) with { Title = "<script>&</script>" };

        string text = Renderer.Render(chart);
        SvgDocument svg = SvgDocument.Parse(text);

        Assert.DoesNotContain("<script>", text);
        Assert.Equal("<script>&</script>", svg.Single("title").Value);
        Assert.Equal("a<b & \"c\" 'd'>", (string?)svg.Series("a<b & \"c\" 'd'>").Attribute("data-name"));
        Assert.Contains(svg.WithClass("axis-title"), t => t.Value == "x < 1 & y > 2 (m/s)");
    }

    [Fact]
    public void Render_Legend_OneEntryPerSeriesInLegend()
    {
        double[] x = Range(5);
        var chart = Chart(new Axis("u"),
            new Series("a", x, x), new Series("b", x, x) { InLegend = false }, new Series("c", x, x) { Style = SeriesStyle.Markers });

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Equal(["a", "c"], svg.WithClass("legend-entry").Select(e => e.Value));
    }

    [Fact]
    public void Render_LegendNone_NoLegend()
    {
        double[] x = Range(5);
        var chart = Chart(new Axis("u"), new Series("a", x, x)) with { Legend = LegendPosition.None };

        Assert.Empty(SvgDocument.Parse(Renderer.Render(chart)).WithClass("legend"));
    }

    [Fact]
    public void Render_AutoLegend_AvoidsTheCornerWithData()
    {
        double[] x = Range(101);
        var rising = new Series("rising", x, x.Select(v => v * v).ToArray()); // fills the top-right corner only

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(new Axis("u"), rising)));

        XElement box = svg.Single("legend").Element(SvgDocument.Ns + "rect")!;
        XElement frame = svg.Single("frame");
        double Num(XElement e, string a) => double.Parse((string)e.Attribute(a)!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Num(box, "x") < Num(frame, "x") + Num(frame, "width") / 2, "legend should sit on the left");
        Assert.True(Num(box, "y") < Num(frame, "y") + Num(frame, "height") / 2, "legend should sit at the top");
    }

    [Fact]
    public void Render_NoSeries_DrawsEmptyAxes()
    {
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Axis.Log("loss"))));

        Assert.Empty(svg.WithClass("series"));
        Assert.Empty(svg.WithClass("legend"));
        Assert.Equal([1, 10], svg.TickValues("y-axis"));
    }

    [Fact]
    public void Render_ExplicitRange_KeptExactlyAndTicksInside()
    {
        var chart = Chart(new Axis("u") { Min = -0.25, Max = 1.3 }, new Series("s", [0, 1], [-5, 5]));

        double[] ticks = SvgDocument.Parse(Renderer.Render(chart)).TickValues("y-axis");

        Assert.All(ticks, t => Assert.InRange(t, -0.25, 1.3));
        Assert.Contains(0.0, ticks);
    }

    [Fact]
    public void Render_TooSmallChart_Throws()
    {
        Assert.Throws<ArgumentException>(() => Renderer.Render(Chart(new Axis("u")) with { Width = 50 }));
    }

    [Fact]
    public void Series_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Series("s", [0, 1, 2], [0, 1]));
    }

    [Fact]
    public void Render_AutoLegend_DataInEveryCorner_LegendMovesOutsideRight()
    {
        var zigzag = new Series("zigzag", [0, 1, 0, 1], [0, 1, 1, 0]);

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(new Axis("u"), zigzag)));

        XElement box = svg.Single("legend").Element(SvgDocument.Ns + "rect")!;
        XElement frame = svg.Single("frame");
        double Num(XElement e, string a) => double.Parse((string)e.Attribute(a)!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Num(box, "x") > Num(frame, "x") + Num(frame, "width"));
    }
}
