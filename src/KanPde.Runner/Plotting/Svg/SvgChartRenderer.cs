namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Renders charts as standalone SVG documents (no XML declaration, so they can also be inlined into
/// HTML). Needs nothing beyond the base library; text widths are estimated, not measured.
/// </summary>
public sealed class SvgChartRenderer : IChartRenderer
{
    /// <inheritdoc/>
    public string Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart switch
        {
            XYChart xy => XYChartPainter.Render(xy),
            HeatMapChart heat => HeatMapPainter.Render(heat),
            SmallMultiplesChart multiples => SmallMultiplesPainter.Render(multiples),
            _ => throw new NotSupportedException($"No SVG painter for {chart.GetType().Name}."),
        };
    }
}
