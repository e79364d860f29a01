namespace KanPde.Runner.Plotting;

/// <summary>One small panel: a single curve y(x) with a tiny title, e.g. a KAN edge function "φ[0](1,3)".</summary>
public sealed record Panel(string Title, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>The y values, one per x value.</summary>
    public IReadOnlyList<double> Y { get; } =
        Y is not null && X is not null && Y.Count == X.Count
            ? Y
            : throw new ArgumentException("X and Y must be given and have the same length.", nameof(Y));
}

/// <summary>Panels that start on a new row under an optional heading, e.g. one KAN layer.</summary>
public sealed record PanelGroup(string? Heading, IReadOnlyList<Panel> Panels);

/// <summary>
/// A grid of small panels with minimal axes (a frame and the ranges of x and y), like the network plot
/// of pykan. Its size follows from the panel count: <see cref="Columns"/> panels per row.
/// </summary>
public sealed record SmallMultiplesChart : Chart
{
    /// <summary>The groups, drawn top to bottom.</summary>
    public required IReadOnlyList<PanelGroup> Groups { get; init; }

    /// <summary>Panels per row.</summary>
    public int Columns { get; init; } = 6;

    /// <summary>Width of one panel cell (frame, labels and spacing) in pixels.</summary>
    public double PanelWidth { get; init; } = 140;

    /// <summary>Height of one panel cell (title, frame, labels and spacing) in pixels.</summary>
    public double PanelHeight { get; init; } = 105;

    /// <summary>Colour of the curves.</summary>
    public Rgb CurveColor { get; init; } = Palette.Blue;
}
