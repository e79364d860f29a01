using KanPde.Problems.Symbolic;
using KanPde.Runner.Plotting;
using KanPde.Runner.Results;
using static System.FormattableString;

namespace KanPde.Runner.Reporting;

/// <summary>pruned-network: the KAN after pruning, each edge drawn and labelled with the function chosen for it.</summary>
public static class FormulaFigures
{
    /// <summary>The diagram, or null when no formula was asked for or nothing is left after pruning.</summary>
    public static XYChart? PrunedNetwork(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Formula is not { PrunedWidth.Count: >= 2 } f)
        {
            return null;
        }

        // Node i of a layer of width w sits at x = i − (w − 1)/2, layer l at y = l: inputs at the bottom, the output on top.
        double X(int layer, int node) => node - (f.PrunedWidth[layer] - 1) / 2.0;
        var series = new List<Series>();
        var midX = new List<double>();
        var midY = new List<double>();
        var labels = new List<string?>();
        foreach (EdgeReport e in f.Edges)
        {
            double x0 = X(e.Layer, e.From), x1 = X(e.Layer + 1, e.To);
            series.Add(new Series(Invariant($"edge {e.Layer}.{e.From}.{e.To}"), [x0, x1], [e.Layer, e.Layer + 1.0], e.Fit is null ? Palette.Grey : Palette.Blue,
                LineWidth: 1.5, InLegend: false));
            // Labels at different heights along the edges of a layer, so that those of crossing edges do not overlap.
            EdgeReport[] layer = [.. f.Edges.Where(o => o.Layer == e.Layer)];
            double t = layer.Length == 1 ? 0.5 : 0.15 + (0.7 * Array.IndexOf(layer, e) / (layer.Length - 1));
            midX.Add(x0 + (t * (x1 - x0)));
            midY.Add(e.Layer + t);
            labels.Add(e.Fit is { } fit ? Invariant($"{e.Function} (R²={fit.RSquared:F5})") : "spline");
        }

        series.Add(new Series("edge functions", midX, midY, Palette.Grey, Line: false, PointLabels: labels, InLegend: false));
        double[] nodeX = [.. f.PrunedWidth.SelectMany((w, l) => Enumerable.Range(0, w).Select(i => X(l, i)))];
        double[] nodeY = [.. f.PrunedWidth.SelectMany((w, l) => Enumerable.Repeat((double)l, w))];
        series.Add(new Series("nodes", nodeX, nodeY, Palette.Vermillion, Line: false, Marker: MarkerShape.Circle, InLegend: false));
        double half = (f.PrunedWidth.Max() - 1) / 2.0 + 1;
        return new XYChart
        {
            Title = Invariant($"Pruned KAN [{string.Join(", ", f.PrunedWidth)}] and each edge's function"),
            X = new Axis("node", Min: -half, Max: half + 1.5),
            Y = new Axis("layer", Min: -0.3, Max: f.PrunedWidth.Count - 0.7),
            Series = series,
            HideAxes = true,
            Height = 160 + (120 * f.PrunedWidth.Count),
        };
    }
}
