using System.Globalization;

namespace KanPde.Runner.Plotting;

/// <summary>Loss and error of one model against training step; NaN where the error was not measured.</summary>
public sealed record TrainingCurves(string Model, IReadOnlyList<double> Step, IReadOnlyList<double> Loss, IReadOnlyList<double>? Error = null)
{
    /// <summary>Colour of both curves, or null for the palette colour of the model's position.</summary>
    public Rgb? Color { get; init; }
}

/// <summary>One point of a scaling plot: a model's error at its number of trainable parameters.</summary>
public sealed record ScalingPoint(double Parameters, double Error, string? Label = null);

/// <summary>One learned KAN edge function φ[layer](input, output), sampled on its input range.</summary>
public sealed record EdgeCurve(int Layer, int Input, int Output, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// The figures a run writes (see results-format.md), built from plain arrays with the project's
/// conventions: log axes where errors are shown, KAN first in blue, MLP second in vermillion, losses
/// solid, errors dashed. Each returns an ordinary chart record that callers may adjust with <c>with</c>.
/// </summary>
public static class StandardCharts
{
    /// <summary>
    /// convergence.svg: each model's loss (solid) and error (dashed, its measurements joined across the
    /// steps where it was not measured) on a log axis, with the stage boundaries as dashed markers.
    /// </summary>
    public static XYChart Convergence(IReadOnlyList<TrainingCurves> models, IReadOnlyList<VerticalMarker> stages, string errorName = "relative L² error")
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(stages);
        var series = new List<Series>();
        for (int m = 0; m < models.Count; m++)
        {
            TrainingCurves c = models[m];
            Rgb color = c.Color ?? Palette.ForIndex(m);
            series.Add(new Series($"{c.Model} loss", c.Step, c.Loss) { Color = color });
            if (c.Error is not null)
            {
                series.Add(new Series($"{c.Model} {errorName}", c.Step, c.Error) { Color = color, Dash = LineDash.Dashed, BridgeGaps = true });
            }
        }

        return new XYChart
        {
            Id = "convergence",
            Title = "Convergence",
            X = new Axis("step"),
            Y = Axis.Log($"loss, {errorName}"),
            Series = series,
            Markers = stages,
        };
    }

    /// <summary>
    /// Markers at the boundaries between consecutive grid-extension stages, each labelled with the grid
    /// of the stage it starts ("G=10"); <paramref name="stages"/> are (grid, steps) in training order.
    /// </summary>
    public static IReadOnlyList<VerticalMarker> StageBoundaries(IReadOnlyList<(int Grid, int Steps)> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var markers = new List<VerticalMarker>();
        int step = 0;
        for (int s = 0; s + 1 < stages.Count; s++)
        {
            step += stages[s].Steps;
            markers.Add(new VerticalMarker(step, "G=" + stages[s + 1].Grid.ToString(CultureInfo.InvariantCulture)));
        }

        return markers;
    }

    /// <summary>
    /// scaling.svg: error against trainable parameters, log–log; KAN stages as labelled circles, the MLP
    /// as a labelled square, and an optional guide (e.g. "∝ G⁻⁴") drawn as a dashed grey line.
    /// </summary>
    public static XYChart Scaling(IReadOnlyList<ScalingPoint> kan, ScalingPoint? mlp, Series? guide, string errorName = "relative L² error")
    {
        ArgumentNullException.ThrowIfNull(kan);
        var series = new List<Series>();
        if (guide is not null)
        {
            series.Add(guide with { Style = SeriesStyle.Line, Dash = LineDash.Dashed, Color = Palette.Grey, LineWidth = 1.5 });
        }

        series.Add(Points("KAN", kan, MarkerShape.Circle, Palette.Blue));
        if (mlp is not null)
        {
            series.Add(Points("MLP", [mlp], MarkerShape.Square, Palette.Vermillion));
        }

        return new XYChart
        {
            Id = "scaling",
            Title = "Error against model size",
            X = Axis.Log("trainable parameters"),
            Y = Axis.Log(errorName),
            Series = series,
        };
    }

    /// <summary>solution.svg for two variables: the field on a linear colour scale.</summary>
    public static HeatMapChart Solution(GridField field, string x = "x", string y = "y", string u = "u") => new()
    {
        Id = "solution",
        Title = $"KAN solution {u}({x}, {y})",
        Field = field,
        X = new Axis(x),
        Y = new Axis(y),
        Value = new Axis(u),
    };

    /// <summary>error.svg for two variables: |u − exact| on a log colour scale (zeros at the bottom colour).</summary>
    public static HeatMapChart AbsoluteError(GridField error, string x = "x", string y = "y", string u = "u") => new()
    {
        Id = "error",
        Title = "Absolute error of the KAN solution",
        Field = error,
        X = new Axis(x),
        Y = new Axis(y),
        Value = Axis.Log($"|{u} − exact|"),
    };

    /// <summary>
    /// solution.svg for one variable: the computed curve (dashed, on top) and, when given, the exact one
    /// (wide, light) against x.
    /// </summary>
    public static XYChart Profile(IReadOnlyList<double> x, IReadOnlyList<double> computed, IReadOnlyList<double>? exact, string variable = "x", string u = "u", string model = "KAN")
    {
        var series = new List<Series>();
        if (exact is not null)
        {
            series.Add(new Series("exact", x, exact) { Color = new Rgb(0x99, 0x99, 0x99), LineWidth = 4 });
        }

        series.Add(new Series(model, x, computed) { Color = Palette.Blue, Dash = exact is null ? LineDash.Solid : LineDash.Dashed, LineWidth = 2 });
        return new XYChart
        {
            Id = "solution",
            Title = $"{model} solution {u}({variable})",
            X = new Axis(variable),
            Y = new Axis(u),
            Series = series,
        };
    }

    /// <summary>
    /// activations.svg: one panel per edge titled "φ[l](i,j)", one group per layer headed with its shape
    /// ("layer 0: 2 → 10"), rows of at most <paramref name="columns"/> panels.
    /// </summary>
    public static SmallMultiplesChart Activations(IReadOnlyList<EdgeCurve> edges, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(edges);
        PanelGroup[] groups = edges.GroupBy(e => e.Layer).OrderBy(g => g.Key).Select(g =>
        {
            int inputs = g.Max(e => e.Input) + 1, outputs = g.Max(e => e.Output) + 1;
            Panel[] panels = g.OrderBy(e => e.Input).ThenBy(e => e.Output)
                .Select(e => new Panel(string.Create(CultureInfo.InvariantCulture, $"φ[{e.Layer}]({e.Input},{e.Output})"), e.X, e.Y))
                .ToArray();
            return new PanelGroup(string.Create(CultureInfo.InvariantCulture, $"layer {g.Key}: {inputs} → {outputs}"), panels);
        }).ToArray();
        return new SmallMultiplesChart { Id = "activations", Title = "Learned edge functions φ(x)", Groups = groups, Columns = columns };
    }

    private static Series Points(string name, IReadOnlyList<ScalingPoint> points, MarkerShape marker, Rgb color) =>
        new(name, points.Select(p => p.Parameters).ToArray(), points.Select(p => p.Error).ToArray())
        {
            Style = SeriesStyle.Markers,
            Marker = marker,
            Color = color,
            PointLabels = points.Select(p => p.Label).ToArray(),
        };
}
