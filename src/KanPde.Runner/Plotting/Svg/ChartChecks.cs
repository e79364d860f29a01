namespace KanPde.Runner.Plotting.Svg;

/// <summary>Argument checks shared by the chart painters.</summary>
internal static class ChartChecks
{
    /// <summary>Throws unless the size is finite and large enough to hold a plot.</summary>
    public static void Size(double width, double height)
    {
        if (!double.IsFinite(width) || !double.IsFinite(height) || width < 60 || height < 60)
        {
            throw new ArgumentException($"A chart or plot area of {width} × {height} pixels is too small to draw (60 × 60 at least).");
        }
    }
}
