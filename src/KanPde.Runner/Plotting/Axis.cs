namespace KanPde.Runner.Plotting;

/// <summary>How data values map to positions along an axis (or to colours).</summary>
public enum AxisScale
{
    /// <summary>Equal distances for equal differences; ticks at 1-2-5 multiples of a power of ten.</summary>
    Linear,

    /// <summary>Equal distances for equal ratios; ticks at powers of ten; values ≤ 0 are not drawn.</summary>
    Log,
}

/// <summary>
/// One axis (or the colour bar of a heat map): its title, unit and scale. Without <see cref="Min"/> and
/// <see cref="Max"/> the range is chosen to cover the data, widened to nice tick values.
/// </summary>
/// <param name="Title">What the axis measures, e.g. "step" or "x".</param>
/// <param name="Unit">Unit shown after the title in parentheses, or null when dimensionless.</param>
/// <param name="Scale">Linear or logarithmic.</param>
public sealed record Axis(string Title, string? Unit = null, AxisScale Scale = AxisScale.Linear)
{
    /// <summary>Lower end of the axis, or null to fit the data.</summary>
    public double? Min { get; init; }

    /// <summary>Upper end of the axis, or null to fit the data.</summary>
    public double? Max { get; init; }

    /// <summary>The title as drawn: "title (unit)", or the title alone.</summary>
    public string Label => string.IsNullOrEmpty(Unit) ? Title : $"{Title} ({Unit})";

    /// <summary>A logarithmic axis with the given title and unit.</summary>
    public static Axis Log(string title, string? unit = null) => new(title, unit, AxisScale.Log);
}
