using System.Globalization;
using KanPde.Core.Networks;
using KanPde.Core.Training;
using KanPde.Problems.Specification;
using KanPde.Runner.Plotting;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>convergence.svg, scaling.svg and activations.svg from the training results.</summary>
public static class TrainingFigures
{
    private const int EdgeSamples = 101;

    /// <summary>
    /// Loss (and, with an exact solution, relative L² error) of every model against step, one point per history
    /// row, with the KAN's grid-extension stages marked.
    /// </summary>
    public static XYChart Convergence(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool exact = outcome.Problem.Exact is not null;
        TrainingCurves[] curves = [.. outcome.Models.Select(r => new TrainingCurves(
            Names.Name(r.Model).ToUpperInvariant(),
            [.. r.History.Select(h => (double)h.Step)],
            [.. r.History.Select(h => h.Loss)],
            exact ? [.. r.History.Select(h => h.RelativeL2 ?? double.NaN)] : null)
        {
            Color = r.Model == ModelKind.Mlp ? Palette.Vermillion : Palette.Blue,
        })];
        IReadOnlyList<VerticalMarker> stages = outcome.Kan is { } kan
            ? StandardCharts.StageBoundaries([.. kan.Stages.Select(s => (s.Grid ?? 0, s.Steps))])
            : [];
        XYChart chart = StandardCharts.Convergence(curves, stages);
        if (outcome.Kan?.Stages is [{ Grid: int first }, _, ..])
        {
            chart = chart with { Title = string.Create(CultureInfo.InvariantCulture, $"Convergence (KAN grid G={first} at the start)") };
        }

        return exact ? chart : chart with { Y = Axis.Log("training loss") };
    }

    /// <summary>
    /// Error (relative L², or the final training loss without an exact solution) against trainable parameters: one
    /// point per KAN stage, one for the MLP, and a G⁻⁴ guide through the last KAN point.
    /// </summary>
    public static XYChart Scaling(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool exact = outcome.Problem.Exact is not null;
        string errorName = exact ? "relative L² error" : "training loss";
        ScalingPoint[] kan = outcome.Kan is { } k
            ? [.. k.Stages.Select(s => new ScalingPoint(s.Parameters, exact ? s.Errors?.RelativeL2 ?? double.NaN : s.Loss, $"G={s.Grid}"))]
            : [];
        ScalingPoint? mlp = outcome.Mlp is { } m ? new ScalingPoint(m.Parameters, exact ? m.Errors?.RelativeL2 ?? double.NaN : m.Loss, "MLP") : null;
        Series? guide = outcome.Kan is { } network && kan.Length > 0 ? Guide(network, kan[^1]) : null;
        XYChart chart = StandardCharts.Scaling(kan, mlp, guide, errorName);
        double[] xs = [.. chart.Series.SelectMany(s => s.X).Where(v => v > 0 && double.IsFinite(v))];
        double[] ys = [.. chart.Series.SelectMany(s => s.Y).Where(v => v > 0 && double.IsFinite(v))];
        return xs.Length == 0 || ys.Length == 0 ? chart : chart with
        {
            // A margin of a factor of two around the data, so no marker or label sits on the frame.
            X = chart.X with { Min = xs.Min() / 2, Max = xs.Max() * 2 },
            Y = chart.Y with { Min = ys.Min() / 2, Max = ys.Max() * 2 },
        };
    }

    /// <summary>
    /// The guide error ∝ G⁻⁴ through the last stage's point. Parameters grow as c·(G + k + 2) with c = Σ in·out, so
    /// the guide is drawn over G from the first stage's grid to the last one's (to half the last grid when there is one stage).
    /// </summary>
    public static Series? Guide(TrainingResult kan, ScalingPoint last)
    {
        ArgumentNullException.ThrowIfNull(kan);
        ArgumentNullException.ThrowIfNull(last);
        if (kan.Network is not KanNetwork network || kan.Stages.Count == 0 || kan.Stages[^1].Grid is not int gLast
            || !double.IsFinite(last.Error) || !(last.Error > 0))
        {
            return null;
        }

        int order = network.Order;
        double edges = last.Parameters / (double)(gLast + order + 2);
        double gFirst = kan.Stages[0].Grid is int g0 && g0 < gLast ? g0 : gLast / 2.0;
        double[] grids = FieldSampler.Linspace(gFirst, gLast, 24);
        return new Series("∝ G⁻⁴", [.. grids.Select(g => edges * (g + order + 2))], [.. grids.Select(g => last.Error * Math.Pow(g / gLast, -4))]);
    }

    /// <summary>Every learned edge function φ(x) of the KAN, sampled over its input's grid [g_0, g_G].</summary>
    public static SmallMultiplesChart? Activations(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kan?.Network is not KanNetwork kan)
        {
            return null;
        }

        var edges = new List<EdgeCurve>();
        Span<double> value = stackalloc double[1];
        for (int l = 0; l < kan.Layers.Count; l++)
        {
            KanLayer layer = kan.Layers[l];
            for (int i = 0; i < layer.InputCount; i++)
            {
                double[] xs = FieldSampler.Linspace(layer.Grids[i].Low, layer.Grids[i].High, EdgeSamples);
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    var ys = new double[xs.Length];
                    for (int p = 0; p < xs.Length; p++)
                    {
                        layer.EvaluateEdge(kan.Parameters, i, o, xs[p], 0, value);
                        ys[p] = value[0];
                    }

                    edges.Add(new EdgeCurve(l, i, o, xs, ys));
                }
            }
        }

        int columns = Math.Clamp(kan.Layers.Max(l => l.InputCount * l.OutputCount), 4, 10);
        SmallMultiplesChart chart = StandardCharts.Activations(edges, columns);
        string inputs = string.Join(", ", outcome.Problem.Spec.VariableNames);
        return chart with { Title = string.Create(CultureInfo.InvariantCulture, $"Learned KAN edge functions φ(x), G = {kan.Intervals} (layer 0 inputs {inputs} mapped onto [−1, 1])") };
    }
}
