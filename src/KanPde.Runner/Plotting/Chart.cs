namespace KanPde.Runner.Plotting;

/// <summary>
/// A chart description: immutable data with no drawing logic. The kinds are
/// <see cref="XYChart"/>, <see cref="HeatMapChart"/> and <see cref="SmallMultiplesChart"/>.
/// </summary>
public abstract record Chart
{
    /// <summary>Title drawn above the chart, or null for none.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Prefix for the element ids inside the chart (letters, digits, '-' and '_' are kept), so that
    /// several charts can be inlined into one HTML page without their ids colliding.
    /// </summary>
    public string Id { get; init; } = "chart";
}
