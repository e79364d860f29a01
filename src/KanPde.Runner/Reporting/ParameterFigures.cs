using KanPde.Core.Training;
using KanPde.Problems.Specification;
using KanPde.Runner.Plotting;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>The path of each trained parameter over the steps, one panel per parameter, every model in it, the exact value dashed.</summary>
public static class ParameterFigures
{
    /// <summary>The chart, or null when the problem has no parameters.</summary>
    public static Chart? Paths(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        IReadOnlyList<ParameterSpec> parameters = outcome.Problem.Spec.Parameters;
        if (parameters.Count == 0)
        {
            return null;
        }

        var panels = new List<Chart>();
        for (int j = 0; j < parameters.Count; j++)
        {
            ParameterSpec parameter = parameters[j];
            var series = new List<Series>();
            foreach (TrainingResult model in outcome.Models)
            {
                StepRecord[] steps = [.. model.History.Where(h => h.Constants.Count > j)];
                if (steps.Length == 0)
                {
                    continue;
                }

                double[] x = [0, .. steps.Select(h => (double)h.Step)];
                double[] y = [parameter.Initial, .. steps.Select(h => h.Constants[j])];
                series.Add(new Series(Names.Name(model.Model).ToUpperInvariant(), x, y, model.Model == ModelKind.Mlp ? Palette.Vermillion : Palette.Blue));
            }

            if (parameter.Exact is { } exact && series.Count > 0)
            {
                double last = series.Max(s => s.X[^1]);
                series.Insert(0, new Series("exact", [0, last], [exact, exact], Palette.Grey, Dash: LineDash.Dashed));
            }

            panels.Add(new XYChart { Title = parameter.Name, X = new Axis("step"), Y = new Axis(parameter.Name), Series = series });
        }

        return new ChartGrid { Title = "Trained parameters", Panels = panels, Columns = Math.Min(3, panels.Count) };
    }
}
