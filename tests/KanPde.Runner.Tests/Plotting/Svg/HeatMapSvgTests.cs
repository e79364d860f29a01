using KanPde.Core;
using System.Xml.Linq;
using KanPde.Runner.Plotting;
using KanPde.Runner.Plotting.Svg;

namespace KanPde.Runner.Tests.Plotting.Svg;

public sealed class HeatMapSvgTests
{
    private static readonly SvgChartRenderer Renderer = new();

    private static GridField Field(int nx, int ny, Func<double, double, double> f)
    {
        var values = new double[nx * ny];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                values[j * nx + i] = f((double)i / (nx - 1), (double)j / (ny - 1));
            }
        }

        return new GridField(0, 1, nx, 0, 1, ny, values);
    }

    private static HeatMapChart Chart(GridField field, Axis value) =>
        new() { Title = "u", Field = field, X = new Axis("x"), Y = new Axis("y", "m"), Value = value };

    private static IEnumerable<XElement> Cells(SvgDocument svg) => svg.Single("cells").Elements(SvgDocument.Ns + "rect");

    [Theory]
    [InlineData(101, 101)]
    [InlineData(7, 3)]
    public void Render_Grid_OneCellPerNode(int nx, int ny)
    {
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Field(nx, ny, (x, y) => x * y), new Axis("u"))));

        Assert.Equal(nx * ny, Cells(svg).Count());
    }

    [Fact]
    public void Render_LinearColors_ExtremesTakeTheEndColoursOfTheMap()
    {
        GridField field = new(0, 1, 2, 0, 1, 2, [-1, 0, 0, 3]);

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(field, new Axis("u"))));

        string[] fills = Cells(svg).Select(c => (string)c.Attribute("fill")!).ToArray();
        Assert.Equal("#440154", fills[0]);
        Assert.Equal("#fde725", fills[3]);
    }

    [Fact]
    public void Render_ColorBar_PresentWithStepsAndTicks()
    {
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Field(11, 11, (x, y) => x + y), new Axis("u"))));

        XElement bar = svg.Single("colorbar");
        Assert.Equal(64, bar.Descendants().Count(e => (string?)e.Attribute("class") == "colorbar-step"));
        double[] ticks = svg.TickValues("value-axis");
        Assert.True(ticks.Length >= 3);
        Assert.All(ticks, t => Assert.InRange(t, 0, 2));
    }

    [Fact]
    public void Render_LogColors_ZerosTakeTheBottomColourAndTicksArePowersOfTen()
    {
        GridField field = Field(21, 21, (x, y) => x == 0 ? 0 : Math.Pow(10, -8 * y) * x);

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(field, Axis.Log("|error|"))));

        Assert.All(Cells(svg).Where((_, k) => k % 21 == 0), c => Assert.Equal("#440154", (string?)c.Attribute("fill")));
        double[] ticks = svg.TickValues("value-axis");
        Assert.True(ticks.Length >= 2);
        Assert.All(ticks, t => Assert.Equal(Math.Round(Math.Log10(t)), Math.Log10(t), 12));
        Assert.True(ticks.Min() <= 1e-8 / 20 * 1.0000001 && ticks.Max() >= 1);
    }

    [Fact]
    public void Render_MissingValues_GreyCellsWithoutException()
    {
        GridField field = new(0, 1, 2, 0, 1, 2, [double.NaN, 1, 2, double.PositiveInfinity]);

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(field, new Axis("u"))));

        string[] fills = Cells(svg).Select(c => (string)c.Attribute("fill")!).ToArray();
        Assert.Equal("#bdbdbd", fills[0]);
        Assert.Equal("#bdbdbd", fills[3]);
    }

    [Fact]
    public void Render_AxisTitles_CarryVariableNamesAndUnits()
    {
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Field(5, 5, (x, y) => x), new Axis("T", "K"))));

        string[] titles = svg.WithClass("axis-title").Select(t => t.Value).ToArray();
        Assert.Equal(["x", "y (m)", "T (K)"], titles);
    }

    [Fact]
    public void Render_AxisTicks_StayInsideTheBox()
    {
        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(Field(101, 101, (x, y) => x), new Axis("u"))));

        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], svg.TickValues("x-axis"));
    }

    [Fact]
    public void Render_LogXAxis_Throws()
    {
        HeatMapChart chart = Chart(Field(3, 3, (x, y) => x), new Axis("u")) with { X = Axis.Log("x") };

        Assert.Throws<ArgumentException>(() => Renderer.Render(chart));
    }

    [Theory]
    [InlineData(1, 3, 3)]
    [InlineData(3, 3, 8)]
    public void GridField_BadSizes_Throw(int nx, int ny, int count)
    {
        Assert.ThrowsAny<ArgumentException>(() => new GridField(0, 1, nx, 0, 1, ny, new double[count]));
    }

    [Fact]
    public void GridField_EmptyBox_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GridField(1, 1, 2, 0, 1, 2, new double[4]));
    }

    [Fact]
    public void Render_AllValuesMissing_GreyCellsAndAColourBar()
    {
        GridField field = new(0, 1, 2, 0, 1, 2, [double.NaN, double.NaN, double.NaN, double.NaN]);

        SvgDocument svg = SvgDocument.Parse(Renderer.Render(Chart(field, new Axis("u"))));

        Assert.All(Cells(svg), c => Assert.Equal("#bdbdbd", (string?)c.Attribute("fill")));
        Assert.NotEmpty(svg.TickValues("value-axis"));
    }
}
