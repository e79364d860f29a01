using KanPde.Problems.Specification;
using KanPde.Core.Networks;
using KanPde.Core.Training;
using KanPde.Runner.Plotting;
using KanPde.Runner.Results;
using static System.FormattableString;

namespace KanPde.Runner.Reporting;

/// <summary>convergence, convergence-time, scaling and activations from the training results.</summary>
public static class TrainingFigures
{
    private const int EdgeSamples = 101;

    /// <summary>
    /// Each model's loss (solid) and, with an exact solution, relative L² error (dashed, joined across the rows where it was
    /// not measured) on a log axis against step or training seconds (log too), one point per history row, the KAN's grid extensions marked.
    /// </summary>
    public static XYChart Convergence(ProblemOutcome outcome, bool bySeconds)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool exact = outcome.Problem.Spec.HasCompleteExact;
        double X(StepRecord h) => bySeconds ? h.Seconds : h.Step;
        var series = new List<Series>();
        foreach (TrainingResult r in outcome.Models)
        {
            string name = Names.Name(r.Model).ToUpperInvariant();
            Rgb color = r.Model == ModelKind.Mlp ? Palette.Vermillion : Palette.Blue;
            double[] x = [.. r.History.Select(X)];
            series.Add(new Series($"{name} loss", x, [.. r.History.Select(h => h.Loss)]) { Color = color });
            if (exact)
            {
                series.Add(new Series($"{name} relative L² error", x, [.. r.History.Select(h => h.RelativeL2 ?? double.NaN)], color,
                    Dash: LineDash.Dashed, BridgeGaps: true));
            }
        }

        // A marker where the KAN's stage changes: at the last row of the stage that ends, labelled with the next grid.
        IReadOnlyList<StepRecord> kan = outcome.Kan?.History ?? [];
        VerticalMarker[] markers = [.. kan.Zip(kan.Skip(1)).Where(p => p.First.Stage != p.Second.Stage)
            .Select(p => new VerticalMarker(X(p.First), Invariant($"G={p.Second.Grid}")))];
        string start = kan.Count > 0 && markers.Length > 0 ? Invariant($" (KAN grid G={kan[0].Grid} at the start)") : "";
        return new XYChart
        {
            Title = (bySeconds ? "Convergence against training time" : "Convergence against optimizer step") + start,
            X = bySeconds ? Axis.Log("training time (s)") : new Axis("step"), // log: a fast model's curve is not squeezed into a corner
            Y = Axis.Log(exact ? "loss, relative L² error" : "training loss"),
            Series = series,
            Markers = markers,
        };
    }

    /// <summary>
    /// Error (relative L², or the final training loss without an exact solution) against trainable parameters, log–log: one
    /// labelled point per KAN stage, one for the MLP, and a G⁻⁴ guide through the last KAN point.
    /// </summary>
    public static XYChart Scaling(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool exact = outcome.Problem.Spec.HasCompleteExact;
        double Error(double? relativeL2, double loss) => exact ? relativeL2 ?? double.NaN : loss;
        var series = new List<Series>();
        if (outcome.Kan is { Stages.Count: > 0 } kan)
        {
            double[] x = [.. kan.Stages.Select(s => (double)s.Parameters)], y = [.. kan.Stages.Select(s => Error(s.Errors?.RelativeL2, s.Loss))];
            series.AddRange(Guide(kan, x[^1], y[^1]) is { } guide ? [guide] : []);

            series.Add(new Series("KAN", x, y, Palette.Blue, Line: false, Marker: MarkerShape.Circle,
                PointLabels: [.. kan.Stages.Select(s => $"G={s.Grid}")]));
        }

        if (outcome.Mlp is { } mlp)
        {
            series.Add(new Series("MLP", [mlp.Parameters], [Error(mlp.Errors?.RelativeL2, mlp.Loss)], Palette.Vermillion, Line: false,
                Marker: MarkerShape.Square, PointLabels: ["MLP"]));
        }

        string errorName = exact ? "relative L² error" : "training loss";
        double[] xs = [.. series.SelectMany(s => s.X).Where(v => v > 0 && double.IsFinite(v))];
        double[] ys = [.. series.SelectMany(s => s.Y).Where(v => v > 0 && double.IsFinite(v))];
        bool data = xs.Length > 0 && ys.Length > 0; // then a factor of two around it, so that no marker or label sits on the frame
        return new XYChart
        {
            Title = "Error against model size", Series = series,
            X = data ? new Axis("trainable parameters", AxisScale.Log, xs.Min() / 2, xs.Max() * 2) : Axis.Log("trainable parameters"),
            Y = data ? new Axis(errorName, AxisScale.Log, ys.Min() / 2, ys.Max() * 2) : Axis.Log(errorName),
        };
    }

    /// <summary>
    /// The guide error ∝ G⁻⁴ through the last stage's point (<paramref name="parameters"/>, <paramref name="error"/>). Parameters
    /// grow as c·(G + k + 2), so the guide runs over G from the first stage's grid to the last one's (from half of it with one stage).
    /// </summary>
    public static Series? Guide(TrainingResult kan, double parameters, double error)
    {
        ArgumentNullException.ThrowIfNull(kan);
        if (Kan(kan.Network) is not KanNetwork network || kan.Stages.Count == 0 || kan.Stages[^1].Grid is not int gLast
            || !double.IsFinite(error) || !(error > 0))
        {
            return null;
        }

        int order = network.Order;
        double edges = parameters / (gLast + order + 2);
        double gFirst = kan.Stages[0].Grid is int g0 && g0 < gLast ? g0 : gLast / 2.0;
        double[] grids = FieldSampler.Linspace(gFirst, gLast, 24);
        return new Series("∝ G⁻⁴", [.. grids.Select(g => edges * (g + order + 2))], [.. grids.Select(g => error * Math.Pow(g / gLast, -4))],
            Palette.Grey, Dash: LineDash.Dashed, LineWidth: 1.5);
    }

    // The KAN itself, also inside the periodic input map.
    private static KanNetwork? Kan(KanPde.Core.Networks.INetwork? network) => network switch
    {
        KanNetwork kan => kan,
        KanPde.Core.Networks.PeriodicNetwork { Inner: KanNetwork inner } => inner,
        _ => null,
    };

    /// <summary>Every learned edge function φ(x) of the KAN over its input's grid [g_0, g_G]: one small panel per edge, one group per layer.</summary>
    public static ChartGrid? Activations(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Kan(outcome.Kan?.Network) is not KanNetwork kan)
        {
            return null;
        }

        int columns = Math.Clamp(kan.Layers.Max(l => l.InputCount * l.OutputCount), 4, 10);
        ChartGrid[] layers = [.. kan.Layers.Select((layer, l) => new ChartGrid
        {
            Title = Invariant($"layer {l}: {layer.InputCount} → {layer.OutputCount}"),
            Panels = [.. Enumerable.Range(0, layer.InputCount).SelectMany(i => Enumerable.Range(0, layer.OutputCount).Select(o => Edge(kan, l, i, o)))],
            Columns = columns,
        })];
        IReadOnlyList<string> names = outcome.Problem.Spec.VariableNames;
        IReadOnlyList<int> periodic = outcome.Problem.Spec.Periodic;
        string inputs = string.Join(", ", names.Select((v, k) => periodic.Contains(k) ? $"cos θ{v}" : v).Concat(periodic.Select(k => $"sin θ{names[k]}")));
        return new ChartGrid
        {
            Title = Invariant($"Learned KAN edge functions φ(x), G = {kan.Intervals} (layer 0 inputs {inputs} mapped onto [−1, 1])"),
            Panels = layers,
            Columns = 1,
        };
    }

    private static XYChart Edge(KanNetwork kan, int l, int i, int o)
    {
        KanLayer layer = kan.Layers[l];
        double[] xs = FieldSampler.Linspace(layer.Grids[i].Low, layer.Grids[i].High, EdgeSamples), value = new double[1];
        double[] ys = [.. xs.Select(x =>
        {
            layer.EvaluateEdge(kan.Parameters, i, o, x, 0, value);
            return value[0];
        })];
        return new XYChart
        {
            Title = Invariant($"φ[{l}]({i},{o})"), X = new Axis("x"), Y = new Axis("φ"), Series = [new Series("φ", xs, ys) { Color = Palette.Blue }],
            Compact = true, Width = 150, Height = 116,
        };
    }
}
