namespace KanPde.Runner.Plotting;

/// <summary>Where the legend of an <see cref="XYChart"/> goes.</summary>
public enum LegendPosition
{
    /// <summary>The first inside corner (top right, top left, bottom right, bottom left) that covers no data; outside on the right when every corner would.</summary>
    Auto,

    /// <summary>Inside the plot area, top right corner.</summary>
    TopRight,

    /// <summary>Inside the plot area, top left corner.</summary>
    TopLeft,

    /// <summary>Inside the plot area, bottom left corner.</summary>
    BottomLeft,

    /// <summary>Inside the plot area, bottom right corner.</summary>
    BottomRight,

    /// <summary>Outside the plot area, to its right.</summary>
    Right,

    /// <summary>No legend.</summary>
    None,
}

/// <summary>A vertical dashed line at <paramref name="X"/>, labelled above the plot (e.g. a grid-extension stage "G=10").</summary>
public sealed record VerticalMarker(double X, string? Label = null);

/// <summary>
/// Series against two axes: line plots (u against x), convergence histories (log y) and scaling plots
/// (log–log, markers with point labels, dashed guide lines).
/// </summary>
public sealed record XYChart : Chart
{
    /// <summary>The horizontal axis.</summary>
    public required Axis X { get; init; }

    /// <summary>The vertical axis.</summary>
    public required Axis Y { get; init; }

    /// <summary>The series, drawn in order (later ones on top).</summary>
    public required IReadOnlyList<Series> Series { get; init; }

    /// <summary>Vertical markers, e.g. stage boundaries.</summary>
    public IReadOnlyList<VerticalMarker> Markers { get; init; } = [];

    /// <summary>Legend placement.</summary>
    public LegendPosition Legend { get; init; } = LegendPosition.Auto;

    /// <summary>Width of the whole chart in pixels.</summary>
    public double Width { get; init; } = 720;

    /// <summary>Height of the whole chart in pixels.</summary>
    public double Height { get; init; } = 480;
}
