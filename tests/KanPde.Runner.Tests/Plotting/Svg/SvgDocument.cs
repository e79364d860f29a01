using System.Globalization;
using System.Xml.Linq;

namespace KanPde.Runner.Tests.Plotting.Svg;

/// <summary>Parses rendered SVG (failing the test when it is not well-formed XML) and finds parts by class.</summary>
internal sealed class SvgDocument
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private SvgDocument(XDocument doc) => Doc = doc;

    public XDocument Doc { get; }

    public XElement Root => Doc.Root!;

    public static SvgDocument Parse(string svg) => new(XDocument.Parse(svg));

    /// <summary>Elements whose class attribute lists <paramref name="cssClass"/>.</summary>
    public IEnumerable<XElement> WithClass(string cssClass) =>
        Doc.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    /// <summary>The single element with class <paramref name="cssClass"/>.</summary>
    public XElement Single(string cssClass) => Assert.Single(WithClass(cssClass));

    /// <summary>The <c>data-value</c>s of the major ticks of the axis with class <paramref name="axisClass"/>.</summary>
    public double[] TickValues(string axisClass) =>
        Single(axisClass).Elements(Ns + "g").Where(e => (string?)e.Attribute("class") == "tick")
            .Select(e => double.Parse((string)e.Attribute("data-value")!, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The series group named <paramref name="name"/>.</summary>
    public XElement Series(string name) =>
        Assert.Single(WithClass("series"), e => (string?)e.Attribute("data-name") == name);

    /// <summary>Number of points in each polyline segment under <paramref name="parent"/>.</summary>
    public static int[] SegmentPointCounts(XElement parent) =>
        parent.Descendants(Ns + "polyline").Select(p => ((string)p.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToArray();
}
