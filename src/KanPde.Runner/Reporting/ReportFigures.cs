using KanPde.Runner.Plotting;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>Every plot of a run, rendered, in the order the report shows them.</summary>
public static class ReportFigures
{
    /// <summary>convergence, scaling, solution, error (with an exact solution) and activations (with a KAN).</summary>
    public static IReadOnlyList<Figure> Build(ProblemOutcome outcome, IChartRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(renderer);
        bool exact = outcome.Problem.Exact is not null;
        string markers = outcome.Kan?.Stages.Count > 1 ? "; dashed verticals mark grid extensions" : "";
        var figures = new List<Figure>
        {
            new("convergence.svg", exact
                    ? "Training loss (solid) and relative L² error on the evaluation grid (dashed) against optimizer step" + markers
                    : "Training loss against optimizer step" + markers,
                renderer.Render(TrainingFigures.Convergence(outcome))),
            new("scaling.svg", exact
                    ? "Relative L² error against trainable parameters: one point per KAN grid stage, the MLP, and a G⁻⁴ guide through the last KAN point"
                    : "Final training loss against trainable parameters (no exact solution, so no error)",
                renderer.Render(TrainingFigures.Scaling(outcome))),
        };
        figures.AddRange(FieldFigures.Build(outcome, renderer));
        if (TrainingFigures.Activations(outcome) is { } activations)
        {
            figures.Add(new Figure("activations.svg", "Each learned KAN edge function φ(x) over its input's grid range", renderer.Render(activations)));
        }

        return figures;
    }
}
