using System.Globalization;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Lays out and draws a <see cref="HeatMapChart"/>: one <c>rect</c> per node inside <c>g.cells</c>
/// (unit squares in a scaled group, so each costs a few dozen bytes), axes, and a colour bar. With
/// <see cref="HeatMapChart.EqualAspect"/> the plot keeps the box's proportions (limited to between 2:5
/// and 5:2) and the document shrinks to the space it uses.
/// </summary>
internal static class HeatMapPainter
{
    private const double TitleFont = 16;
    private const string MissingColor = "#bdbdbd";

    public static string Render(HeatMapChart c)
    {
        ChartChecks.Size(c.Width, c.Height);
        ArgumentNullException.ThrowIfNull(c.Field);
        if (c.X.Scale != AxisScale.Linear || c.Y.Scale != AxisScale.Linear)
        {
            throw new ArgumentException("The x and y axes of a heat map must be linear.", nameof(c));
        }

        GridField f = c.Field;
        Axis xSpec = c.X with { Min = f.XMin - f.Dx / 2, Max = f.XMax + f.Dx / 2 };
        Axis ySpec = c.Y with { Min = f.YMin - f.Dy / 2, Max = f.YMax + f.Dy / 2 };
        bool logColors = c.Value.Scale == AxisScale.Log;
        double font = AxisPainter.TickFont;

        double top = 10 + (string.IsNullOrEmpty(c.Title) ? 0 : TitleFont + 8) + 8;
        double bottom = AxisPainter.BottomExtent(exponents: true, title: true) + 4;
        double height = c.Height - top - bottom;
        (double left, double right, _, _) = Margins(c, ySpec, height);
        double width = c.Width - left - right;
        if (c.EqualAspect)
        {
            double aspect = Math.Clamp((xSpec.Max!.Value - xSpec.Min!.Value) / (ySpec.Max!.Value - ySpec.Min!.Value), 0.4, 2.5);
            (width, height) = width / height > aspect ? (height * aspect, height) : (width, width / aspect);
        }

        ChartChecks.Size(width, height);
        (left, right, ResolvedAxis y, ResolvedAxis v) = Margins(c, ySpec, height);
        ResolvedAxis x = AxisLayout.Resolve(xSpec, [], width, true, false, font);
        var plot = new Rect(left, top, width, height);
        double totalWidth = c.EqualAspect ? left + width + right : c.Width;
        double totalHeight = c.EqualAspect ? top + height + bottom : c.Height;

        var w = new SvgWriter(totalWidth, totalHeight);
        w.Start("g").Attr("class", "heat-map").Attr("data-nx", f.Nx).Attr("data-ny", f.Ny).Open();
        if (!string.IsNullOrEmpty(c.Title))
        {
            w.Text(totalWidth / 2, 10 + TitleFont, c.Title, TitleFont, "middle", "title");
        }

        DrawCells(w, f, v, logColors, c.ColorMap, plot);
        w.Start("rect").Attr("class", "frame").Attr("x", plot.X).Attr("y", plot.Y).Attr("width", plot.Width)
            .Attr("height", plot.Height).Attr("fill", "none").Attr("stroke", "#222222").End();
        AxisPainter.Draw(w, x, plot, AxisSide.Bottom, grid: false);
        AxisPainter.Draw(w, y, plot, AxisSide.Left, grid: false);
        ColorBarPainter.Draw(w, v, c.ColorMap, ColorBarPainter.Box(plot));
        return w.ToString();
    }

    // Left and right margins for a plot of the given height: the y labels on the left, the colour bar
    // and its labels on the right.
    private static (double Left, double Right, ResolvedAxis Y, ResolvedAxis Value) Margins(HeatMapChart c, Axis ySpec, double height)
    {
        double font = AxisPainter.TickFont;
        ResolvedAxis y = AxisLayout.Resolve(ySpec, [], height, false, false, font);
        ResolvedAxis v = AxisLayout.Resolve(c.Value, c.Field.Values, height, false, c.Value.Scale == AxisScale.Log, font);
        double left = 6 + AxisPainter.SideExtent(y.MaxLabelWidth(font), !string.IsNullOrEmpty(ySpec.Label));
        double right = ColorBarPainter.Width(v) + 10;
        return (left, right, y, v);
    }

    private static void DrawCells(SvgWriter w, GridField f, ResolvedAxis v, bool log, ColorMap map, Rect plot)
    {
        string Fixed(double d) => d.ToString("0.####", CultureInfo.InvariantCulture);
        w.Start("g").Attr("class", "cells").Attr("shape-rendering", "crispEdges")
            .Attr("transform", $"translate({Fixed(plot.X)} {Fixed(plot.Y)}) scale({Fixed(plot.Width / f.Nx)} {Fixed(plot.Height / f.Ny)})").Open();
        for (int j = 0; j < f.Ny; j++)
        {
            string row = (f.Ny - 1 - j).ToString(CultureInfo.InvariantCulture);
            for (int i = 0; i < f.Nx; i++)
            {
                double value = f.Values[j * f.Nx + i];
                w.Start("rect").Attr("x", i).Attr("y", row).Attr("width", 1).Attr("height", 1)
                    .Attr("fill", Color(value, v, log, map)).End();
            }
        }

        w.Close();
    }

    // Linear: NaN and ±∞ are missing (grey). Log: values ≤ 0 take the bottom colour, NaN and ∞ are grey.
    private static string Color(double value, ResolvedAxis v, bool log, ColorMap map)
    {
        if (v.Scale.CanShow(value))
        {
            return map.At(Math.Clamp(v.Scale.Fraction(value), 0, 1)).ToHex();
        }

        return log && value <= 0 ? map.At(0).ToHex() : MissingColor;
    }
}
