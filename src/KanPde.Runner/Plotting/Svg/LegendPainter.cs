namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Draws the legend of an <see cref="XYChart"/>: one <c>g.legend-entry</c> per series in the legend,
/// each a short line sample (with the series' dash) and/or its marker, then its name.
/// </summary>
internal static class LegendPainter
{
    private const double Font = 12;
    private const double Row = 18;
    private const double Sample = 28;
    private const double Pad = 8;

    /// <summary>Size of the legend box for these entries.</summary>
    public static (double Width, double Height) Size(IReadOnlyList<(Series Series, Rgb Color)> entries) =>
        entries.Count == 0
            ? (0, 0)
            : (2 * Pad + Sample + 6 + entries.Max(e => TextMetrics.Width(e.Series.Name, Font)), 2 * Pad + Row * entries.Count - 4);

    /// <summary>Where the legend box goes for <paramref name="position"/>, relative to the plot.</summary>
    public static Rect Place(LegendPosition position, Rect plot, (double Width, double Height) size)
    {
        const double inset = 8;
        (double w, double h) = size;
        return position switch
        {
            LegendPosition.TopLeft => new Rect(plot.X + inset, plot.Y + inset, w, h),
            LegendPosition.BottomLeft => new Rect(plot.X + inset, plot.Bottom - inset - h, w, h),
            LegendPosition.BottomRight => new Rect(plot.Right - inset - w, plot.Bottom - inset - h, w, h),
            LegendPosition.Right => new Rect(plot.Right + 16, plot.Y, w, h),
            _ => new Rect(plot.Right - inset - w, plot.Y + inset, w, h),
        };
    }

    /// <summary>
    /// The first inside corner whose legend box (with a small margin) holds none of <paramref name="footprint"/>
    /// (pixel positions the data occupies); <see cref="LegendPosition.Right"/> when every corner holds some.
    /// </summary>
    public static LegendPosition Choose(IReadOnlyList<(double X, double Y)> footprint, Rect plot, (double Width, double Height) size)
    {
        LegendPosition[] corners = [LegendPosition.TopRight, LegendPosition.TopLeft, LegendPosition.BottomRight, LegendPosition.BottomLeft];
        foreach (LegendPosition corner in corners)
        {
            Rect box = Place(corner, plot, size);
            if (!footprint.Any(p => p.X >= box.X - 4 && p.X <= box.Right + 4 && p.Y >= box.Y - 4 && p.Y <= box.Bottom + 4))
            {
                return corner;
            }
        }

        return LegendPosition.Right;
    }

    /// <summary>Draws the legend into <paramref name="box"/>.</summary>
    public static void Draw(SvgWriter w, IReadOnlyList<(Series Series, Rgb Color)> entries, Rect box)
    {
        if (entries.Count == 0)
        {
            return;
        }

        w.Start("g").Attr("class", "legend").Open();
        w.Start("rect").Attr("x", box.X).Attr("y", box.Y).Attr("width", box.Width).Attr("height", box.Height)
            .Attr("fill", "#ffffff").Attr("fill-opacity", 0.88).Attr("stroke", "#bbbbbb").Attr("rx", 3).End();
        for (int i = 0; i < entries.Count; i++)
        {
            (Series s, Rgb color) = entries[i];
            string hex = color.ToHex();
            double cy = box.Y + Pad + Row * i + Row / 2 - 2;
            double x0 = box.X + Pad;
            w.Start("g").Attr("class", "legend-entry").Open();
            if (s.Style != SeriesStyle.Markers)
            {
                w.Start("line").Attr("x1", x0).Attr("y1", cy).Attr("x2", x0 + Sample).Attr("y2", cy)
                    .Attr("stroke", hex).Attr("stroke-width", s.LineWidth);
                string? dash = SeriesPainter.DashArray(s.Dash, s.LineWidth);
                if (dash is not null)
                {
                    w.Attr("stroke-dasharray", dash);
                }

                w.End();
            }

            if (s.Style != SeriesStyle.Line)
            {
                w.Start("g").Attr("fill", hex).Attr("stroke", hex).Open();
                SeriesPainter.Marker(w, s.Marker, x0 + Sample / 2, cy, SeriesPainter.MarkerRadius);
                w.Close();
            }

            w.Text(x0 + Sample + 6, cy + 0.36 * Font, s.Name, Font);
            w.Close();
        }

        w.Close();
    }
}
