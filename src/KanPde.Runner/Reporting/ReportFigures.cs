using KanPde.Runner.Plotting;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>Every plot of a run, rendered, in the order the report shows them.</summary>
public static class ReportFigures
{
    /// <summary>The charts: convergence, convergence-time, scaling, solution, error (with an exact solution), activations (with a KAN).</summary>
    public static IReadOnlyList<(string Name, string Caption, Chart Chart)> Charts(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool exact = outcome.Problem.Spec.HasCompleteExact;
        string markers = outcome.Kan?.Stages.Count > 1 ? "; dashed verticals mark grid extensions" : "";
        string curves = exact ? "Training loss (solid) and relative L² error on the evaluation grid (dashed)" : "Training loss";
        var charts = new List<(string, string, Chart)>
        {
            ("convergence", $"{curves} against optimizer step{markers}", TrainingFigures.Convergence(outcome, bySeconds: false)),
            ("convergence-time", $"{curves} against wall-clock training time on a log axis: KAN and MLP steps cost differently{markers}",
                TrainingFigures.Convergence(outcome, bySeconds: true)),
            ("scaling", exact
                    ? "Relative L² error against trainable parameters: one point per KAN grid stage, the MLP, and a G⁻⁴ guide through the last KAN point"
                    : "Final training loss against trainable parameters (no exact solution, so no error)",
                TrainingFigures.Scaling(outcome)),
        };
        charts.AddRange(FieldFigures.Charts(outcome));
        if (ParameterFigures.Paths(outcome) is { } parameters)
        {
            charts.Add(("parameters", "Each trained parameter against optimizer step, from its initial value; dashed: its exact value", parameters));
        }

        if (TrainingFigures.Activations(outcome) is { } activations)
        {
            charts.Add(("activations", "Each learned KAN edge function φ(x) over its input's grid range", activations));
        }

        if (FormulaFigures.PrunedNetwork(outcome) is { } network)
        {
            charts.Add(("pruned-network", "The KAN after pruning, each edge labelled with the function chosen for it (grey: it keeps its spline)", network));
        }

        return charts;
    }

    /// <summary>The charts of <see cref="Charts"/>, rendered, each with its name as the id prefix of its SVG.</summary>
    public static IReadOnlyList<Figure> Build(ProblemOutcome outcome, IChartRenderer renderer) =>
        [.. Charts(outcome).Select(c => new Figure(c.Name, c.Caption, renderer.Render(c.Chart with { Id = c.Name })))];
}
