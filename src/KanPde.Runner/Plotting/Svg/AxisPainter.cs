using System.Globalization;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>Which side of a rectangle an axis is drawn on.</summary>
internal enum AxisSide
{
    Bottom,
    Left,
    Right,
}

/// <summary>
/// Draws an axis along one side of a rectangle: tick marks (major and minor), tick labels, optional grid
/// lines across the rectangle, and the axis title. Also says how much room all that takes, for layout.
/// Each major tick is a <c>g.tick</c> carrying its exact value in <c>data-value</c>.
/// </summary>
internal static class AxisPainter
{
    public const double TickFont = 11;
    public const double TitleFont = 13;
    private const double TickLength = 5;
    private const double MinorLength = 3;
    private const double LabelGap = 3;
    private static readonly string GridColor = "#e3e3e3";

    /// <summary>Height below a rectangle taken by a bottom axis: ticks, labels, title.</summary>
    public static double BottomExtent(bool exponents, bool title) =>
        TickLength + LabelGap + TickFont * (exponents ? 1.45 : 1.1) + (title ? 6 + TitleFont : 0) + 4;

    /// <summary>Width beside a rectangle taken by a left or right axis with labels this wide.</summary>
    public static double SideExtent(double maxLabelWidth, bool title) =>
        TickLength + LabelGap + maxLabelWidth + (title ? 8 + TitleFont : 0) + 4;

    /// <summary>Draws <paramref name="axis"/> on <paramref name="side"/> of <paramref name="box"/>.</summary>
    public static void Draw(SvgWriter w, ResolvedAxis axis, Rect box, AxisSide side, bool grid)
    {
        string name = side == AxisSide.Bottom ? "x" : side == AxisSide.Left ? "y" : "value";
        w.Start("g").Attr("class", $"axis {name}-axis").Attr("data-scale", axis.Spec.Scale == AxisScale.Log ? "log" : "linear").Open();
        if (grid)
        {
            DrawGrid(w, axis, box, side);
        }

        foreach (double v in axis.Ticks.Minor)
        {
            (double x1, double y1, double x2, double y2) = TickLine(axis, box, side, v, MinorLength);
            w.Start("line").Attr("class", "minor-tick").Attr("x1", x1).Attr("y1", y1).Attr("x2", x2).Attr("y2", y2).Attr("stroke", "#555555").End();
        }

        for (int i = 0; i < axis.Ticks.Major.Count; i++)
        {
            double v = axis.Ticks.Major[i];
            (double x1, double y1, double x2, double y2) = TickLine(axis, box, side, v, TickLength);
            w.Start("g").Attr("class", "tick").Attr("data-value", v.ToString("R", CultureInfo.InvariantCulture)).Open();
            w.Start("line").Attr("x1", x1).Attr("y1", y1).Attr("x2", x2).Attr("y2", y2).Attr("stroke", "#222222").End();
            switch (side)
            {
                case AxisSide.Bottom:
                    w.Text(x1, y2 + LabelGap + TickFont * (axis.HasExponents ? 1.3 : 0.95), axis.Labels[i], TickFont, "middle");
                    break;
                case AxisSide.Left:
                    w.Text(x2 - LabelGap, y1 + 0.36 * TickFont, axis.Labels[i], TickFont, "end");
                    break;
                default:
                    w.Text(x2 + LabelGap, y1 + 0.36 * TickFont, axis.Labels[i], TickFont);
                    break;
            }

            w.Close();
        }

        DrawTitle(w, axis, box, side);
        w.Close();
    }

    private static void DrawGrid(SvgWriter w, ResolvedAxis axis, Rect box, AxisSide side)
    {
        foreach (double v in axis.Ticks.Major)
        {
            double p = Position(axis, box, side, v);
            bool h = side == AxisSide.Bottom;
            w.Start("line").Attr("class", "grid").Attr("x1", h ? p : box.X).Attr("y1", h ? box.Y : p)
                .Attr("x2", h ? p : box.Right).Attr("y2", h ? box.Bottom : p).Attr("stroke", GridColor).End();
        }
    }

    private static void DrawTitle(SvgWriter w, ResolvedAxis axis, Rect box, AxisSide side)
    {
        string label = axis.Spec.Label;
        if (string.IsNullOrEmpty(label))
        {
            return;
        }

        double labels = axis.MaxLabelWidth(TickFont);
        switch (side)
        {
            case AxisSide.Bottom:
                double y = box.Bottom + BottomExtent(axis.HasExponents, true) - 6;
                w.Text(box.X + box.Width / 2, y, label, TitleFont, "middle", "axis-title");
                break;
            case AxisSide.Left:
                double xl = box.X - TickLength - LabelGap - labels - 8;
                double yl = box.Y + box.Height / 2;
                w.Text(xl, yl, label, TitleFont, "middle", "axis-title", $"rotate(-90 {SvgWriter.Num(xl)} {SvgWriter.Num(yl)})");
                break;
            default:
                double xr = box.Right + TickLength + LabelGap + labels + 8 + TitleFont * 0.8;
                double yr = box.Y + box.Height / 2;
                w.Text(xr, yr, label, TitleFont, "middle", "axis-title", $"rotate(-90 {SvgWriter.Num(xr)} {SvgWriter.Num(yr)})");
                break;
        }
    }

    /// <summary>Pixel coordinate of value <paramref name="v"/> along the side's direction.</summary>
    public static double Position(ResolvedAxis axis, Rect box, AxisSide side, double v)
    {
        double f = axis.Scale.Fraction(v);
        return side == AxisSide.Bottom ? box.X + f * box.Width : box.Bottom - f * box.Height;
    }

    private static (double X1, double Y1, double X2, double Y2) TickLine(ResolvedAxis axis, Rect box, AxisSide side, double v, double length)
    {
        double p = Position(axis, box, side, v);
        return side switch
        {
            AxisSide.Bottom => (p, box.Bottom, p, box.Bottom + length),
            AxisSide.Left => (box.X, p, box.X - length, p),
            _ => (box.Right, p, box.Right + length, p),
        };
    }
}
