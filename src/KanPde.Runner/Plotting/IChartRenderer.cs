namespace KanPde.Runner.Plotting;

/// <summary>
/// Turns a chart description into a document. The only seam between the chart model and a drawing
/// technology: <see cref="Svg.SvgChartRenderer"/> implements it today, a charting library could tomorrow.
/// </summary>
public interface IChartRenderer
{
    /// <summary>Renders <paramref name="chart"/>; pure: no files, no console, same input → same text.</summary>
    string Render(Chart chart);
}
