namespace KanPde.Runner.Plotting;

/// <summary>How values map to positions along an axis or to colours: linear, or logarithmic (values ≤ 0 not drawn).</summary>
public enum AxisScale { Linear, Log }

/// <summary>Dash pattern of a line.</summary>
public enum LineDash { Solid, Dashed, Dotted }

/// <summary>Point markers of a series (filled).</summary>
public enum MarkerShape { None, Circle, Square }

/// <summary>One axis, or the colour bar of a heat map.</summary>
/// <param name="Title">What the axis measures.</param>
/// <param name="Scale">Linear or logarithmic.</param>
/// <param name="Min">Lower end, or null to fit the data.</param>
/// <param name="Max">Upper end, or null to fit the data.</param>
public sealed record Axis(string Title, AxisScale Scale = AxisScale.Linear, double? Min = null, double? Max = null)
{
    /// <summary>A logarithmic axis.</summary>
    public static Axis Log(string title) => new(title, AxisScale.Log);
}

/// <summary>
/// A named sequence of (x, y) points. A point is drawn when both coordinates are finite and, on a log axis, positive;
/// the others break the line, unless <paramref name="BridgeGaps"/> (for quantities measured every few steps).
/// </summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values, one per x value.</param>
/// <param name="Color">Colour, or null for the palette colour of the series' position.</param>
/// <param name="Line">Whether consecutive points are joined by a line.</param>
/// <param name="Dash">Dash pattern of the line.</param>
/// <param name="LineWidth">Line width in pixels.</param>
/// <param name="Marker">Markers at the points.</param>
/// <param name="PointLabels">Text beside each point (null entries draw nothing), or null for none.</param>
/// <param name="BridgeGaps">Whether the line joins the drawn points across skipped ones.</param>
/// <param name="InLegend">Whether the series has a legend entry.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, Rgb? Color = null, bool Line = true,
    LineDash Dash = LineDash.Solid, double LineWidth = 2, MarkerShape Marker = MarkerShape.None, IReadOnlyList<string?>? PointLabels = null,
    bool BridgeGaps = false, bool InLegend = true)
{
    /// <summary>The y values, one per x value.</summary>
    public IReadOnlyList<double> Y { get; } = Y is not null && X is not null && Y.Count == X.Count
        ? Y
        : throw new ArgumentException("X and Y must be given and have the same length.", nameof(Y));
}

/// <summary>A dashed vertical line at <paramref name="X"/>, labelled at the top (e.g. a grid-extension stage "G=10").</summary>
public sealed record VerticalMarker(double X, string? Label = null);

/// <summary>A chart description: data only, no drawing. Kinds: <see cref="XYChart"/>, <see cref="HeatMapChart"/>, <see cref="ChartGrid"/>.</summary>
public abstract record Chart
{
    /// <summary>Prefix that keeps element ids of several charts inlined into one page apart.</summary>
    public string Id { get; init; } = "chart";

    /// <summary>Title above the chart, or null.</summary>
    public string? Title { get; init; }
}

/// <summary>Series against two axes, with optional stage markers and a legend.</summary>
public sealed record XYChart : Chart
{
    /// <summary>The horizontal axis.</summary>
    public required Axis X { get; init; }

    /// <summary>The vertical axis.</summary>
    public required Axis Y { get; init; }

    /// <summary>The series, later ones on top.</summary>
    public required IReadOnlyList<Series> Series { get; init; }

    /// <summary>Vertical markers.</summary>
    public IReadOnlyList<VerticalMarker> Markers { get; init; } = [];

    /// <summary>A small panel: small type, no legend (small multiples).</summary>
    public bool Compact { get; init; }

    /// <summary>A drawing rather than a plot: no axes, ticks or grid lines (a network diagram).</summary>
    public bool HideAxes { get; init; }

    /// <summary>Width in pixels.</summary>
    public double Width { get; init; } = 820;

    /// <summary>Height in pixels.</summary>
    public double Height { get; init; } = 460;
}

/// <summary>Values on a regular Nx × Ny grid of nodes over a box, node (i, j) at <c>Values[j * Nx + i]</c> (not copied).</summary>
public sealed record GridField(double XMin, double XMax, int Nx, double YMin, double YMax, int Ny, IReadOnlyList<double> Values)
{
    /// <summary>The node values: Nx·Ny of them, with Nx, Ny ≥ 2 and finite bounds, min &lt; max.</summary>
    public IReadOnlyList<double> Values { get; } =
        Nx >= 2 && Ny >= 2 && XMax > XMin && YMax > YMin && double.IsFinite(XMax - XMin) && double.IsFinite(YMax - YMin) && Values?.Count == Nx * Ny
            ? Values
            : throw new ArgumentException("A grid field needs Nx, Ny ≥ 2, finite bounds with min < max, and Nx·Ny values.", nameof(Values));
}

/// <summary>A field over a 2-D box as coloured cells (viridis); <see cref="Value"/> is the colour bar's title, scale and range.</summary>
public sealed record HeatMapChart : Chart
{
    /// <summary>The field.</summary>
    public required GridField Field { get; init; }

    /// <summary>The horizontal axis (its range is the box).</summary>
    public required Axis X { get; init; }

    /// <summary>The vertical axis (its range is the box).</summary>
    public required Axis Y { get; init; }

    /// <summary>The colour axis.</summary>
    public required Axis Value { get; init; }

    /// <summary>Whether the colour bar is drawn (panels sharing one scale draw it once).</summary>
    public bool ColorBar { get; init; } = true;

    /// <summary>Polylines drawn over the field in black: the outline of the domain, when it is not the box.</summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> Outline { get; init; } = [];

    /// <summary>Width of the plot area (the box) in pixels; margins, title and colour bar come on top.</summary>
    public double PlotWidth { get; init; } = 400;

    /// <summary>Height of the plot area in pixels.</summary>
    public double PlotHeight { get; init; } = 400;
}

/// <summary>Charts placed left to right, <see cref="Columns"/> to a row, under an optional title; grids may nest.</summary>
public sealed record ChartGrid : Chart
{
    /// <summary>The panels, row by row.</summary>
    public required IReadOnlyList<Chart> Panels { get; init; }

    /// <summary>Panels per row.</summary>
    public int Columns { get; init; } = 2;
}
