using System.Globalization;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Lays out and draws an <see cref="XYChart"/>: title, axes with grid, stage markers, clipped series,
/// point labels and legend. With <see cref="LegendPosition.Auto"/> the legend takes the inside corner
/// that covers no data, or moves outside to the right when every corner would.
/// </summary>
internal static class XYChartPainter
{
    private const double TitleFont = 16;
    private const double MarkerFont = 11;

    public static string Render(XYChart c)
    {
        ChartChecks.Size(c.Width, c.Height);
        ArgumentNullException.ThrowIfNull(c.Series);
        ArgumentNullException.ThrowIfNull(c.Markers);
        var colored = c.Series.Select((s, i) => (Series: s, Color: s.Color ?? Palette.ForIndex(i))).ToArray();
        var legend = c.Legend == LegendPosition.None ? [] : colored.Where(e => e.Series.InLegend).ToArray();
        (double Width, double Height) legendSize = LegendPainter.Size(legend);
        LegendPosition position = c.Legend;
        (Rect plot, ResolvedAxis x, ResolvedAxis y) = Layout(c, position == LegendPosition.Right ? legendSize.Width : 0);
        if (position == LegendPosition.Auto && legend.Length > 0)
        {
            var points = c.Series.SelectMany(s => SeriesPainter.Footprint(s, x, y, plot)).ToArray();
            position = LegendPainter.Choose(points, plot, legendSize);
            if (position == LegendPosition.Right)
            {
                (plot, x, y) = Layout(c, legendSize.Width);
            }
        }

        var w = new SvgWriter(c.Width, c.Height);
        w.Start("g").Attr("class", "xy-chart").Open();
        if (!string.IsNullOrEmpty(c.Title))
        {
            w.Text(c.Width / 2, 10 + TitleFont, c.Title, TitleFont, "middle", "title");
        }

        AxisPainter.Draw(w, x, plot, AxisSide.Bottom, grid: true);
        AxisPainter.Draw(w, y, plot, AxisSide.Left, grid: true);
        DrawMarkers(w, c.Markers, x, plot);

        string clip = SvgWriter.IdPrefix(c.Id) + "-plot";
        w.Start("clipPath").Attr("id", clip).Open();
        w.Start("rect").Attr("x", plot.X).Attr("y", plot.Y).Attr("width", plot.Width).Attr("height", plot.Height).End();
        w.Close();
        w.Start("g").Attr("class", "data").Attr("clip-path", $"url(#{clip})").Open();
        foreach ((Series s, Rgb color) in colored)
        {
            SeriesPainter.Draw(w, s, color, x, y, plot);
        }

        w.Close();
        w.Start("rect").Attr("class", "frame").Attr("x", plot.X).Attr("y", plot.Y).Attr("width", plot.Width)
            .Attr("height", plot.Height).Attr("fill", "none").Attr("stroke", "#222222").End();
        foreach (Series s in c.Series)
        {
            SeriesPainter.DrawPointLabels(w, s, x, y, plot);
        }

        LegendPainter.Draw(w, legend, LegendPainter.Place(position, plot, legendSize));
        return w.ToString();
    }

    // Works outwards in: the y labels' width sets the left margin, the remaining width how many x ticks fit.
    private static (Rect Plot, ResolvedAxis X, ResolvedAxis Y) Layout(XYChart c, double legendWidth)
    {
        bool markerLabels = c.Markers.Any(m => !string.IsNullOrEmpty(m.Label));
        double top = 10 + (string.IsNullOrEmpty(c.Title) ? 0 : TitleFont + 8) + (markerLabels ? MarkerFont + 8 : 6);
        double bottom = AxisPainter.BottomExtent(exponents: true, title: true) + 4;
        double plotHeight = c.Height - top - bottom;
        ChartChecks.Size(c.Width, plotHeight);
        ResolvedAxis y = AxisLayout.Resolve(c.Y, c.Series.SelectMany(s => s.Y), plotHeight, false, true, AxisPainter.TickFont);
        double left = 6 + AxisPainter.SideExtent(y.MaxLabelWidth(AxisPainter.TickFont), !string.IsNullOrEmpty(c.Y.Label));
        double right = 20 + (legendWidth > 0 ? legendWidth + 16 : 0);
        double plotWidth = c.Width - left - right;
        ChartChecks.Size(plotWidth, plotHeight);
        IEnumerable<double> xs = c.Series.SelectMany(s => s.X).Concat(c.Markers.Select(m => m.X));
        ResolvedAxis x = AxisLayout.Resolve(c.X, xs, plotWidth, true, true, AxisPainter.TickFont);
        return (new Rect(left, top, plotWidth, plotHeight), x, y);
    }

    // Dashed vertical lines across the plot, labelled just above it; a label that would overlap the
    // previous one is left out (the line is still drawn and keeps the label in data-label).
    private static void DrawMarkers(SvgWriter w, IReadOnlyList<VerticalMarker> markers, ResolvedAxis x, Rect plot)
    {
        double lastRight = double.NegativeInfinity;
        foreach (VerticalMarker m in markers.OrderBy(m => m.X))
        {
            if (!x.Scale.CanShow(m.X))
            {
                continue;
            }

            double f = x.Scale.Fraction(m.X);
            if (f < -1e-9 || f > 1 + 1e-9)
            {
                continue;
            }

            double px = plot.X + f * plot.Width;
            w.Start("g").Attr("class", "stage-marker").Attr("data-x", m.X.ToString("R", CultureInfo.InvariantCulture))
                .Attr("data-label", m.Label ?? "").Open();
            w.Start("line").Attr("x1", px).Attr("y1", plot.Y).Attr("x2", px).Attr("y2", plot.Bottom)
                .Attr("stroke", "#666666").Attr("stroke-width", 1.2).Attr("stroke-dasharray", "5 4").End();
            double width = TextMetrics.Width(m.Label, MarkerFont);
            if (!string.IsNullOrEmpty(m.Label) && px - width / 2 > lastRight + 4)
            {
                w.Text(px, plot.Y - 5, m.Label, MarkerFont, "middle", "stage-label");
                lastRight = px + width / 2;
            }

            w.Close();
        }
    }
}
