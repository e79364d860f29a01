namespace KanPde.Runner.Plotting;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Consecutive drawable points joined by a line; missing points break it.</summary>
    Line,

    /// <summary>A marker at each drawable point, no line.</summary>
    Markers,

    /// <summary>Both a line and markers.</summary>
    LineAndMarkers,
}

/// <summary>Dash pattern of a line.</summary>
public enum LineDash
{
    /// <summary>Continuous.</summary>
    Solid,

    /// <summary>Long dashes.</summary>
    Dashed,

    /// <summary>Dots.</summary>
    Dotted,
}

/// <summary>Shape of a point marker.</summary>
public enum MarkerShape
{
    /// <summary>Filled circle.</summary>
    Circle,

    /// <summary>Filled square.</summary>
    Square,

    /// <summary>Filled triangle pointing up.</summary>
    Triangle,

    /// <summary>Filled diamond.</summary>
    Diamond,

    /// <summary>Diagonal cross (stroke only).</summary>
    Cross,
}

/// <summary>
/// A named sequence of (x, y) points. A point is drawable when both coordinates are finite and, on a
/// logarithmic axis, positive; the others are skipped and break the line (unless <see cref="BridgeGaps"/>).
/// </summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>The y values, one per x value.</summary>
    public IReadOnlyList<double> Y { get; } =
        Y is not null && X is not null && Y.Count == X.Count
            ? Y
            : throw new ArgumentException("X and Y must be given and have the same length.", nameof(Y));

    /// <summary>Line, markers or both.</summary>
    public SeriesStyle Style { get; init; } = SeriesStyle.Line;

    /// <summary>Dash pattern of the line.</summary>
    public LineDash Dash { get; init; } = LineDash.Solid;

    /// <summary>Marker shape when markers are drawn.</summary>
    public MarkerShape Marker { get; init; } = MarkerShape.Circle;

    /// <summary>Colour, or null for the palette colour of the series' position.</summary>
    public Rgb? Color { get; init; }

    /// <summary>Line width in pixels.</summary>
    public double LineWidth { get; init; } = 1.75;

    /// <summary>Optional text drawn next to each point (null entries draw nothing); same length as X.</summary>
    public IReadOnlyList<string?>? PointLabels { get; init; }

    /// <summary>
    /// Whether the line joins the drawable points on either side of a skipped one (for quantities measured
    /// only every few steps) instead of breaking there.
    /// </summary>
    public bool BridgeGaps { get; init; }

    /// <summary>Whether the series has an entry in the legend.</summary>
    public bool InLegend { get; init; } = true;
}
