using KanPde.Runner.Plotting;
using KanPde.Runner.Plotting.Svg;

namespace KanPde.Runner.Tests.Plotting.Svg;

public sealed class SmallMultiplesSvgTests
{
    private static readonly SvgChartRenderer Renderer = new();

    private static Panel Curve(string title, int n) =>
        new(title, Enumerable.Range(0, n).Select(i => -1 + 2.0 * i / (n - 1)).ToArray(), Enumerable.Range(0, n).Select(i => Math.Cos(i * 0.3)).ToArray());

    [Fact]
    public void Render_Groups_OnePanelPerCurveWithTitleAndAllPoints()
    {
        var chart = new SmallMultiplesChart
        {
            Groups = [new PanelGroup("layer 0", [Curve("φ[0](0,0)", 40), Curve("φ[0](1,3)", 40)]), new PanelGroup("layer 1", [Curve("φ[1](0,0)", 40)])],
        };

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Equal(["φ[0](0,0)", "φ[0](1,3)", "φ[1](0,0)"], svg.WithClass("panel-title").Select(t => t.Value));
        Assert.Equal(["layer 0", "layer 1"], svg.WithClass("heading").Select(t => t.Value));
        Assert.All(svg.WithClass("panel"), p => Assert.Equal([40], SvgDocument.SegmentPointCounts(p)));
    }

    [Fact]
    public void Render_MoreRows_TallerDocument()
    {
        SmallMultiplesChart Make(int panels) => new()
        {
            Columns = 4,
            Groups = [new PanelGroup(null, Enumerable.Range(0, panels).Select(k => Curve($"p{k}", 10)).ToArray())],
        };

        double Height(SmallMultiplesChart c) => double.Parse((string)SvgDocument.Parse(Renderer.Render(c)).Root.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Height(Make(4)) + 105, Height(Make(5)), 6);
    }

    [Fact]
    public void Render_NaNInCurve_SplitsTheCurve()
    {
        var panel = new Panel("p", [0, 1, 2, 3, 4], [0, 1, double.NaN, 3, 4]);
        var chart = new SmallMultiplesChart { Groups = [new PanelGroup(null, [panel])] };

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(chart));

        Assert.Equal([2, 2], SvgDocument.SegmentPointCounts(svg.Single("panel")));
    }

    [Fact]
    public void Render_ConstantCurve_DoesNotThrow()
    {
        var chart = new SmallMultiplesChart { Groups = [new PanelGroup(null, [new Panel("flat", [0, 1], [2, 2])])] };

        Assert.Equal([2], SvgDocument.SegmentPointCounts(SvgDocument.Parse(Renderer.Render(chart)).Single("panel")));
    }

    [Fact]
    public void Panel_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Panel("p", [0, 1], [0]));
    }
}
