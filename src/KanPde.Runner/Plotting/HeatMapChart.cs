namespace KanPde.Runner.Plotting;

/// <summary>
/// Values sampled on a regular nx × ny grid of nodes over a box: node (i, j) is at
/// x_i = XMin + i·(XMax − XMin)/(Nx − 1), y_j = YMin + j·(YMax − YMin)/(Ny − 1), and its value is
/// <c>Values[j * Nx + i]</c> (x varies fastest).
/// </summary>
public sealed record GridField
{
    /// <summary>Validates the sizes; takes the values as given (they are not copied).</summary>
    public GridField(double xMin, double xMax, int nx, double yMin, double yMax, int ny, IReadOnlyList<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 2);
        ArgumentNullException.ThrowIfNull(values);
        if (!(xMax > xMin) || !(yMax > yMin) || !double.IsFinite(xMax - xMin) || !double.IsFinite(yMax - yMin))
        {
            throw new ArgumentException("The box must have finite bounds with min < max.");
        }

        if (values.Count != nx * ny)
        {
            throw new ArgumentException($"Expected nx·ny = {nx * ny} values, got {values.Count}.", nameof(values));
        }

        (XMin, XMax, Nx, YMin, YMax, Ny, Values) = (xMin, xMax, nx, yMin, yMax, ny, values);
    }

    /// <summary>First node in x.</summary>
    public double XMin { get; }

    /// <summary>Last node in x.</summary>
    public double XMax { get; }

    /// <summary>Number of nodes in x (≥ 2).</summary>
    public int Nx { get; }

    /// <summary>First node in y.</summary>
    public double YMin { get; }

    /// <summary>Last node in y.</summary>
    public double YMax { get; }

    /// <summary>Number of nodes in y (≥ 2).</summary>
    public int Ny { get; }

    /// <summary>Node values, <c>[j * Nx + i]</c>.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Distance between neighbouring nodes in x.</summary>
    public double Dx => (XMax - XMin) / (Nx - 1);

    /// <summary>Distance between neighbouring nodes in y.</summary>
    public double Dy => (YMax - YMin) / (Ny - 1);
}

/// <summary>
/// A field over a 2-D box drawn as coloured cells, one per node and centred on it, with a colour bar.
/// The <see cref="Value"/> axis gives the colour bar's title, unit, scale (linear, or log for |error|:
/// values ≤ 0 take the bottom colour) and optional range. Missing (NaN) values are drawn grey.
/// </summary>
public sealed record HeatMapChart : Chart
{
    /// <summary>The field.</summary>
    public required GridField Field { get; init; }

    /// <summary>The horizontal axis (its scale must be linear; its range is the box).</summary>
    public required Axis X { get; init; }

    /// <summary>The vertical axis (its scale must be linear; its range is the box).</summary>
    public required Axis Y { get; init; }

    /// <summary>The colour axis: title, unit, linear or log, and optional range.</summary>
    public required Axis Value { get; init; }

    /// <summary>Colour map from the bottom to the top of the colour bar.</summary>
    public ColorMap ColorMap { get; init; } = ColorMap.Viridis;

    /// <summary>
    /// Whether one unit in x is as long on screen as one unit in y (the plot's proportions are kept between
    /// 2:5 and 5:2, so a box with very different sides stays readable). The document then shrinks to fit.
    /// </summary>
    public bool EqualAspect { get; init; } = true;

    /// <summary>Width of the whole chart in pixels.</summary>
    public double Width { get; init; } = 640;

    /// <summary>Height of the whole chart in pixels.</summary>
    public double Height { get; init; } = 520;
}
