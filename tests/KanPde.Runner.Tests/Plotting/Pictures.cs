using System.Buffers.Binary;
using System.Xml.Linq;
using KanPde.Runner.Plotting;

namespace KanPde.Runner.Tests.Plotting;

/// <summary>Checks of rendered pictures that hold whatever fonts the machine has.</summary>
internal static class Pictures
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Parses the SVG as XML and returns its root, after checking it is an svg element.</summary>
    public static XElement Svg(string svg)
    {
        XElement root = XElement.Parse(svg);
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
        return root;
    }

    /// <summary>Checks the PNG signature and the IHDR chunk; returns the image's width and height in pixels.</summary>
    public static (int Width, int Height) Png(byte[] png)
    {
        Assert.True(png.Length > 1000, $"A PNG of {png.Length} bytes is too small to hold a chart.");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Checks both pictures of a rendered chart; the PNG is at least as large as the chart.</summary>
    public static XElement Check(RenderedChart rendered, Chart chart)
    {
        (_, double width, double height) = OxyChartRenderer.Model(chart);
        (int w, int h) = Png(rendered.Png);
        Assert.True(w >= width && h >= height, $"PNG {w}×{h} is smaller than the chart {width}×{height}.");
        return Svg(rendered.Svg);
    }
}
