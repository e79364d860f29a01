namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Draws a vertical colour bar beside a plot: <see cref="Steps"/> stacked <c>rect.colorbar-step</c>s
/// sampling the colour map evenly along the scale (linear or log), a frame, and the value axis on its
/// right with ticks, labels and title.
/// </summary>
internal static class ColorBarPainter
{
    public const int Steps = 64;
    private const double Gap = 18;
    private const double BarWidth = 16;

    /// <summary>The bar's rectangle for a plot.</summary>
    public static Rect Box(Rect plot) => new(plot.Right + Gap, plot.Y, BarWidth, plot.Height);

    /// <summary>Horizontal room taken right of the plot by the bar, its labels and title.</summary>
    public static double Width(ResolvedAxis axis) =>
        Gap + BarWidth + AxisPainter.SideExtent(axis.MaxLabelWidth(AxisPainter.TickFont), !string.IsNullOrEmpty(axis.Spec.Label));

    /// <summary>Draws the bar for <paramref name="axis"/> into <paramref name="box"/>.</summary>
    public static void Draw(SvgWriter w, ResolvedAxis axis, ColorMap map, Rect box)
    {
        w.Start("g").Attr("class", "colorbar").Attr("data-map", map.Name).Open();
        w.Start("g").Attr("shape-rendering", "crispEdges").Open();
        double h = box.Height / Steps;
        for (int k = 0; k < Steps; k++)
        {
            w.Start("rect").Attr("class", "colorbar-step").Attr("x", box.X).Attr("y", box.Bottom - (k + 1) * h)
                .Attr("width", box.Width).Attr("height", k == 0 ? h : h + 0.5).Attr("fill", map.At((k + 0.5) / Steps).ToHex()).End();
        }

        w.Close();
        w.Start("rect").Attr("x", box.X).Attr("y", box.Y).Attr("width", box.Width).Attr("height", box.Height)
            .Attr("fill", "none").Attr("stroke", "#222222").End();
        AxisPainter.Draw(w, axis, box, AxisSide.Right, grid: false);
        w.Close();
    }
}
