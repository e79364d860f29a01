using System.Globalization;
using System.Text;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Draws one series inside a plot rectangle as a <c>g.series</c> whose <c>data-points</c> counts the
/// drawable points. Runs of consecutive drawable points become <c>polyline.segment</c>s; a point alone
/// between gaps becomes a small dot so it stays visible; markers are <c>g.markers</c> children.
/// </summary>
internal static class SeriesPainter
{
    public const double MarkerRadius = 4.5;

    /// <summary>Draws <paramref name="series"/> with colour <paramref name="color"/>.</summary>
    public static void Draw(SvgWriter w, Series series, Rgb color, ResolvedAxis x, ResolvedAxis y, Rect plot)
    {
        List<List<(double X, double Y)>> runs = Runs(series, x, y, plot);
        int count = runs.Sum(r => r.Count);
        string hex = color.ToHex();
        w.Start("g").Attr("class", "series").Attr("data-name", series.Name)
            .Attr("data-points", count.ToString(CultureInfo.InvariantCulture)).Open();
        if (series.Style != SeriesStyle.Markers)
        {
            foreach (List<(double X, double Y)> run in runs)
            {
                if (run.Count == 1)
                {
                    w.Start("circle").Attr("class", "dot").Attr("cx", run[0].X).Attr("cy", run[0].Y)
                        .Attr("r", Math.Max(1.5, series.LineWidth)).Attr("fill", hex).End();
                    continue;
                }

                w.Start("polyline").Attr("class", "segment").Attr("points", Points(run)).Attr("fill", "none")
                    .Attr("stroke", hex).Attr("stroke-width", series.LineWidth).Attr("stroke-linejoin", "round");
                string? dash = DashArray(series.Dash, series.LineWidth);
                if (dash is not null)
                {
                    w.Attr("stroke-dasharray", dash);
                }

                w.End();
            }
        }

        if (series.Style != SeriesStyle.Line)
        {
            w.Start("g").Attr("class", "markers").Attr("fill", hex).Attr("stroke", hex).Open();
            foreach ((double px, double py) in runs.SelectMany(r => r))
            {
                Marker(w, series.Marker, px, py, MarkerRadius);
            }

            w.Close();
        }

        w.Close();
    }

    /// <summary>Draws the labels of a series' points (outside any clip, so they stay readable).</summary>
    public static void DrawPointLabels(SvgWriter w, Series series, ResolvedAxis x, ResolvedAxis y, Rect plot)
    {
        if (series.PointLabels is null)
        {
            return;
        }

        for (int i = 0; i < series.X.Count && i < series.PointLabels.Count; i++)
        {
            string? text = series.PointLabels[i];
            if (!string.IsNullOrEmpty(text) && Drawable(series, i, x, y))
            {
                double px = AxisPainter.Position(x, plot, AxisSide.Bottom, series.X[i]);
                double py = AxisPainter.Position(y, plot, AxisSide.Left, series.Y[i]);
                w.Text(px + MarkerRadius + 3, py - MarkerRadius - 1, text, 11, cssClass: "point-label");
            }
        }
    }

    /// <summary>
    /// Pixel positions the series covers: its points, points every few pixels along its lines, and the
    /// extent of its point labels (used to keep the legend off the data).
    /// </summary>
    public static IEnumerable<(double X, double Y)> Footprint(Series series, ResolvedAxis x, ResolvedAxis y, Rect plot)
    {
        foreach (List<(double X, double Y)> run in Runs(series, x, y, plot))
        {
            for (int i = 0; i < run.Count; i++)
            {
                yield return run[i];
                if (i + 1 < run.Count && series.Style != SeriesStyle.Markers)
                {
                    (double dx, double dy) = (run[i + 1].X - run[i].X, run[i + 1].Y - run[i].Y);
                    int steps = (int)Math.Min(200, Math.Sqrt(dx * dx + dy * dy) / 6);
                    for (int k = 1; k < steps; k++)
                    {
                        yield return (run[i].X + dx * k / steps, run[i].Y + dy * k / steps);
                    }
                }
            }
        }

        for (int i = 0; series.PointLabels is not null && i < series.X.Count && i < series.PointLabels.Count; i++)
        {
            if (!string.IsNullOrEmpty(series.PointLabels[i]) && Drawable(series, i, x, y))
            {
                double px = AxisPainter.Position(x, plot, AxisSide.Bottom, series.X[i]) + MarkerRadius + 3;
                double py = AxisPainter.Position(y, plot, AxisSide.Left, series.Y[i]) - MarkerRadius - 1;
                double width = TextMetrics.Width(series.PointLabels[i], 11);
                yield return (px + width / 2, py - 4);
                yield return (px + width, py - 4);
            }
        }
    }

    /// <summary>A marker centred at (x, y).</summary>
    public static void Marker(SvgWriter w, MarkerShape shape, double x, double y, double r)
    {
        switch (shape)
        {
            case MarkerShape.Circle:
                w.Start("circle").Attr("cx", x).Attr("cy", y).Attr("r", r).End();
                break;
            case MarkerShape.Square:
                w.Start("rect").Attr("x", x - r * 0.85).Attr("y", y - r * 0.85).Attr("width", r * 1.7).Attr("height", r * 1.7).End();
                break;
            case MarkerShape.Triangle:
                w.Start("path").Attr("d", $"M{N(x)} {N(y - r * 1.1)}L{N(x + r)} {N(y + r * 0.75)}H{N(x - r)}Z").End();
                break;
            case MarkerShape.Diamond:
                w.Start("path").Attr("d", $"M{N(x)} {N(y - r * 1.2)}L{N(x + r)} {N(y)}L{N(x)} {N(y + r * 1.2)}L{N(x - r)} {N(y)}Z").End();
                break;
            default:
                w.Start("path").Attr("d", $"M{N(x - r)} {N(y - r)}L{N(x + r)} {N(y + r)}M{N(x - r)} {N(y + r)}L{N(x + r)} {N(y - r)}")
                    .Attr("fill", "none").Attr("stroke-width", 2).End();
                break;
        }
    }

    /// <summary>The SVG dash array for a pattern, or null for a solid line.</summary>
    public static string? DashArray(LineDash dash, double width) => dash switch
    {
        LineDash.Dashed => $"{N(4 * width + 1)} {N(2 * width + 1)}",
        LineDash.Dotted => $"{N(width)} {N(1.5 * width + 1)}",
        _ => null,
    };

    private static bool Drawable(Series s, int i, ResolvedAxis x, ResolvedAxis y) =>
        x.Scale.CanShow(s.X[i]) && y.Scale.CanShow(s.Y[i]);

    private static List<List<(double X, double Y)>> Runs(Series s, ResolvedAxis x, ResolvedAxis y, Rect plot)
    {
        var runs = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? current = null;
        for (int i = 0; i < s.X.Count; i++)
        {
            if (!Drawable(s, i, x, y))
            {
                current = s.BridgeGaps ? current : null;
                continue;
            }

            if (current is null)
            {
                current = [];
                runs.Add(current);
            }

            current.Add((AxisPainter.Position(x, plot, AxisSide.Bottom, s.X[i]), AxisPainter.Position(y, plot, AxisSide.Left, s.Y[i])));
        }

        return runs;
    }

    private static string Points(List<(double X, double Y)> run)
    {
        var sb = new StringBuilder(run.Count * 12);
        foreach ((double px, double py) in run)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(N(px)).Append(',').Append(N(py));
        }

        return sb.ToString();
    }

    private static string N(double v) => SvgWriter.Num(v);
}
