using System.Globalization;
using System.Text;
using KanPde.Runner.Plotting.Scales;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Lays out and draws a <see cref="SmallMultiplesChart"/>: groups top to bottom, each under its heading,
/// panels left to right in rows of <see cref="SmallMultiplesChart.Columns"/>. A panel (<c>g.panel</c>)
/// is a frame with its curve (<c>polyline.segment</c>s), a tiny title, the x range under the frame and
/// the y range (at its extremes) beside it, and a faint zero line when 0 is in range.
/// </summary>
internal static class SmallMultiplesPainter
{
    private const double Margin = 12;
    private const double TitleFont = 16;
    private const double HeadingFont = 12;
    private const double HeadingRow = 22;
    private const double PanelFont = 10;
    private const double RangeFont = 8.5;

    public static string Render(SmallMultiplesChart c)
    {
        ArgumentNullException.ThrowIfNull(c.Groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(c.Columns, 1, nameof(c));
        if (!(c.PanelWidth >= 80) || !(c.PanelHeight >= 60) || !double.IsFinite(c.PanelWidth + c.PanelHeight))
        {
            throw new ArgumentException("Panels must be at least 80 × 60 pixels.", nameof(c));
        }

        int columns = Math.Min(c.Columns, Math.Max(1, c.Groups.Select(g => g.Panels.Count).DefaultIfEmpty(1).Max()));
        double top = Margin + (string.IsNullOrEmpty(c.Title) ? 0 : TitleFont + 10);
        double height = top + Margin + c.Groups.Sum(g =>
            (string.IsNullOrEmpty(g.Heading) ? 0 : HeadingRow) + Rows(g, c.Columns) * c.PanelHeight);
        double width = Math.Max(2 * Margin + columns * c.PanelWidth, 200);

        var w = new SvgWriter(width, height);
        w.Start("g").Attr("class", "small-multiples").Open();
        if (!string.IsNullOrEmpty(c.Title))
        {
            w.Text(width / 2, Margin + TitleFont, c.Title, TitleFont, "middle", "title");
        }

        double y = top;
        foreach (PanelGroup group in c.Groups)
        {
            if (!string.IsNullOrEmpty(group.Heading))
            {
                w.Text(Margin, y + HeadingFont + 4, group.Heading, HeadingFont, cssClass: "heading");
                y += HeadingRow;
            }

            for (int p = 0; p < group.Panels.Count; p++)
            {
                var cell = new Rect(Margin + p % c.Columns * c.PanelWidth, y + p / c.Columns * c.PanelHeight, c.PanelWidth, c.PanelHeight);
                DrawPanel(w, group.Panels[p], cell, c.CurveColor);
            }

            y += Rows(group, c.Columns) * c.PanelHeight;
        }

        return w.ToString();
    }

    private static int Rows(PanelGroup g, int columns) => (g.Panels.Count + columns - 1) / columns;

    private static void DrawPanel(SvgWriter w, Panel panel, Rect cell, Rgb color)
    {
        var frame = new Rect(cell.X + 44, cell.Y + 16, cell.Width - 52, cell.Height - 30);
        Interval xr = Padded(Interval.Enclosing(panel.X, double.IsFinite), 0);
        Interval yr = Padded(Interval.Enclosing(panel.Y, double.IsFinite), 0.08);
        var sx = new LinearScale(xr);
        var sy = new LinearScale(yr);
        w.Start("g").Attr("class", "panel").Attr("data-title", panel.Title).Open();
        w.Text(frame.X + frame.Width / 2, cell.Y + 11, panel.Title, PanelFont, "middle", "panel-title");
        w.Start("rect").Attr("x", frame.X).Attr("y", frame.Y).Attr("width", frame.Width).Attr("height", frame.Height)
            .Attr("fill", "none").Attr("stroke", "#999999").End();
        if (yr.Min < 0 && yr.Max > 0)
        {
            double zy = frame.Bottom - sy.Fraction(0) * frame.Height;
            w.Start("line").Attr("class", "zero").Attr("x1", frame.X).Attr("y1", zy).Attr("x2", frame.Right).Attr("y2", zy)
                .Attr("stroke", "#dddddd").End();
        }

        var run = new StringBuilder();
        int count = 0;
        void Flush()
        {
            if (run.Length > 0)
            {
                w.Start("polyline").Attr("class", "segment").Attr("points", run.ToString()).Attr("fill", "none")
                    .Attr("stroke", color.ToHex()).Attr("stroke-width", 1.4).End();
                run.Clear();
            }
        }

        for (int i = 0; i < panel.X.Count; i++)
        {
            if (!double.IsFinite(panel.X[i]) || !double.IsFinite(panel.Y[i]))
            {
                Flush();
                continue;
            }

            double px = frame.X + sx.Fraction(panel.X[i]) * frame.Width;
            double py = frame.Bottom - sy.Fraction(panel.Y[i]) * frame.Height;
            run.Append(run.Length > 0 ? " " : "").Append(SvgWriter.Num(px)).Append(',').Append(SvgWriter.Num(py));
            count++;
        }

        Flush();
        w.Start("g").Attr("class", "ranges").Attr("fill", "#555555").Attr("data-points", count.ToString(CultureInfo.InvariantCulture)).Open();
        double below = frame.Bottom + RangeFont + 2;
        w.Text(frame.X, below, TickLabel.Compact(xr.Min), RangeFont);
        w.Text(frame.Right, below, TickLabel.Compact(xr.Max), RangeFont, "end");
        if (Interval.Enclosing(panel.Y, double.IsFinite) is Interval data)
        {
            double yMax = frame.Bottom - sy.Fraction(data.Max) * frame.Height;
            double yMin = frame.Bottom - sy.Fraction(data.Min) * frame.Height;
            w.Text(frame.X - 3, yMax + RangeFont * 0.35, TickLabel.Compact(data.Max), RangeFont, "end");
            if (yMin - yMax > RangeFont)
            {
                w.Text(frame.X - 3, yMin + RangeFont * 0.35, TickLabel.Compact(data.Min), RangeFont, "end");
            }
        }
        w.Close();
        w.Close();
    }

    // The data range widened by a fraction of itself (or around a single value); [0, 1] without data.
    private static Interval Padded(Interval? data, double fraction)
    {
        if (data is not Interval d)
        {
            return new Interval(0, 1);
        }

        if (d.Span == 0)
        {
            double pad = d.Min == 0 ? 1 : Math.Abs(d.Min) * 0.1;
            return new Interval(d.Min - pad, d.Max + pad);
        }

        return new Interval(d.Min - fraction * d.Span, d.Max + fraction * d.Span);
    }
}
