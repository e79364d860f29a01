namespace KanPde.Runner.Plotting;

/// <summary>A chart drawn twice: an SVG document (inline-able in HTML) and a PNG image.</summary>
public sealed record RenderedChart(string Svg, byte[] Png);

/// <summary>Turns a chart description into pictures: the one seam between the chart records and a drawing library.</summary>
public interface IChartRenderer
{
    /// <summary>Renders <paramref name="chart"/>; no files, no console.</summary>
    RenderedChart Render(Chart chart);
}
