using System.Globalization;
using System.Text.RegularExpressions;
using OxyPlot;
using OxyPlot.SkiaSharp;

namespace KanPde.Runner.Plotting;

/// <summary>
/// The chart records as OxyPlot models, exported with OxyPlot's <see cref="OxyPlot.SvgExporter"/> and OxyPlot.SkiaSharp's
/// <see cref="PngExporter"/> (at twice the chart's pixel size). The only file that knows OxyPlot, with its partial files.
/// </summary>
public sealed partial class OxyChartRenderer : IChartRenderer
{
    private const string Font = "DejaVu Sans";
    private const double PngScale = 2;
    private static readonly OxyColor Ink = OxyColor.FromRgb(0x22, 0x22, 0x22);

    /// <inheritdoc/>
    public RenderedChart Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        (IPlotModel model, double width, double height) = Model(chart);
        using var measurer = new SkiaRenderContext { RenderTarget = RenderTarget.VectorGraphic, UseTextShaping = false };
        string svg = OxyPlot.SvgExporter.ExportToString(model, width, height, false, measurer);

        // Inline-able in HTML: a viewBox to scale by, no XML declaration, clip-path ids of the chart's own, fallback fonts named.
        string id = new([.. chart.Id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        svg = FormattableString.Invariant($"<svg viewBox=\"0 0 {width} {height}\"") + svg[(svg.IndexOf("<svg", StringComparison.Ordinal) + 4)..];
        svg = svg.Replace("id=\"clipPath", $"id=\"{id}-clip", StringComparison.Ordinal).Replace("url(#clipPath", $"url(#{id}-clip", StringComparison.Ordinal)
            .Replace($"font-family=\"{Font}\"", $"font-family=\"{Font}, Verdana, Arial, sans-serif\"", StringComparison.Ordinal);
        svg = DashedStroke().Replace(svg, ScaleDashes);
        using var png = new MemoryStream();
        new PngExporter { Width = (int)Math.Ceiling(width * PngScale), Height = (int)Math.Ceiling(height * PngScale), Dpi = (float)(96 * PngScale) }
            .Export(model, png);
        return new RenderedChart(svg, png.ToArray());
    }

    [GeneratedRegex(@"stroke-width:([0-9.]+)([^""]*?)stroke-dasharray:([0-9.,]+)")]
    private static partial Regex DashedStroke();

    /// <summary>OxyPlot's SVG gives dashes in pixels, SkiaSharp in line widths: scaled to line widths, both look alike.</summary>
    private static string ScaleDashes(Match m)
    {
        double width = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        IEnumerable<string> dashes = m.Groups[3].Value.Split(',').Select(d => (double.Parse(d, CultureInfo.InvariantCulture) * width).ToString(CultureInfo.InvariantCulture));
        return $"stroke-width:{m.Groups[1].Value}{m.Groups[2].Value}stroke-dasharray:{string.Join(',', dashes)}";
    }

    /// <summary>The OxyPlot model of a chart and its size in pixels (public for tests of what is drawn).</summary>
    public static (IPlotModel Model, double Width, double Height) Model(Chart chart) => chart switch
    {
        XYChart xy => (Xy(xy), xy.Width, xy.Height),
        HeatMapChart map => HeatMap(map),
        ChartGrid grid => Grid(grid),
        _ => throw new ArgumentException($"No renderer for {chart.GetType().Name}.", nameof(chart)),
    };

    private static (IPlotModel, double, double) Grid(ChartGrid grid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid.Columns, 1);
        var parts = grid.Panels.Select(Model).ToArray();
        double y = grid.Title is null ? 0 : 34, width = 0;
        var placed = new List<(IPlotModel, OxyRect)>();
        foreach (var row in parts.Chunk(grid.Columns))
        {
            double x = 0;
            foreach ((IPlotModel model, double w, double h) in row)
            {
                placed.Add((model, new OxyRect(x, y, w, h)));
                x += w;
            }

            width = Math.Max(width, x);
            y += row.Max(p => p.Height);
        }

        return (new Composite(grid.Title, placed), width, y);
    }

    private static OxyColor Color(Rgb c) => OxyColor.FromRgb(c.R, c.G, c.B);

    private static PlotModel NewModel(string? title, bool compact) => new()
    {
        Title = title, DefaultFont = Font, DefaultFontSize = compact ? 9 : 13, Background = OxyColors.White, TextColor = Ink,
        TitleFontSize = compact ? 10 : 16, TitleFontWeight = compact ? FontWeights.Normal : FontWeights.Bold, TitlePadding = compact ? 2 : 6,
        Padding = compact ? new OxyThickness(2, 2, 6, 2) : new OxyThickness(8, 8, 16, 8), PlotAreaBorderColor = OxyColor.FromRgb(0x66, 0x66, 0x66),
    };

    /// <summary>Charts of a grid drawn side by side, each into its own rectangle, under the grid's title.</summary>
    private sealed class Composite(string? title, IReadOnlyList<(IPlotModel Model, OxyRect Rect)> parts) : IPlotModel
    {
        public OxyColor Background => OxyColors.White;

        public void AttachPlotView(IPlotView plotView) => throw new NotSupportedException("A picture, never shown in a view.");

        public void Update(bool updateData) => parts.ToList().ForEach(p => p.Model.Update(updateData));

        public void Render(IRenderContext rc, OxyRect rect)
        {
            if (title is not null)
            {
                rc.DrawText(new ScreenPoint(rect.Left + rect.Width / 2, rect.Top + 8), title, Ink, Font, 16,
                    FontWeights.Bold, 0, HorizontalAlignment.Center, VerticalAlignment.Top);
            }

            foreach ((IPlotModel model, OxyRect r) in parts)
            {
                model.Render(rc, new OxyRect(rect.Left + r.Left, rect.Top + r.Top, r.Width, r.Height));
            }
        }
    }
}
