using KanPde.Core;
using KanPde.Core.Training;
using KanPde.Problems.Specification;
using KanPde.Runner.Plotting;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>
/// solution.svg and error.svg. One variable: u against x with the exact solution, and |u − exact| on a log axis.
/// Two variables: heat maps over the box. Three or more: a row of heat maps, one per slice (<see cref="FieldSampler.Slices"/>),
/// sharing one colour scale.
/// </summary>
public static class FieldFigures
{
    private const int LinePoints = 401;
    private const int MapNodes = 101;
    private const int SliceNodes = 61;

    /// <summary>The solution figure and, with an exact solution, the error figure.</summary>
    public static IReadOnlyList<Figure> Build(ProblemOutcome outcome, IChartRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(renderer);
        return outcome.Problem.Box.Dimension == 1 ? Profiles(outcome, renderer) : Maps(outcome, renderer);
    }

    private static IReadOnlyList<Figure> Profiles(ProblemOutcome outcome, IChartRenderer renderer)
    {
        TrainingResult model = outcome.Plotted;
        string x = outcome.Problem.Spec.VariableNames[0], name = Names.Name(model.Model).ToUpperInvariant();
        double[] xs = FieldSampler.Linspace(outcome.Problem.Box.Low[0], outcome.Problem.Box.High[0], LinePoints);
        SampledField field = FieldSampler.Sample(model.Network, outcome.Problem, FieldSampler.Line(outcome.Problem.Box, LinePoints));
        var figures = new List<Figure>
        {
            new("solution.svg", $"{name} solution u({x}){(field.Exact is null ? "" : " against the exact solution")}",
                renderer.Render(StandardCharts.Profile(xs, field.Values, field.Exact, x, "u", name))),
        };
        if (field.Exact is { } exact)
        {
            double[] error = [.. field.Values.Select((v, p) => Math.Abs(v - exact[p]))];
            var chart = new XYChart
            {
                Id = "error",
                Title = $"Absolute error of the {name} solution",
                X = new Axis(x),
                Y = Axis.Log("|u − exact|"),
                Series = [new Series($"|u − exact| ({name})", xs, error) { Color = Palette.Blue }],
                Legend = LegendPosition.None,
            };
            figures.Add(new Figure("error.svg", $"|u − exact| of the {name} solution (log scale)", renderer.Render(chart)));
        }

        return figures;
    }

    private static IReadOnlyList<Figure> Maps(ProblemOutcome outcome, IChartRenderer renderer)
    {
        TrainingResult model = outcome.Plotted;
        Box box = outcome.Problem.Box;
        IReadOnlyList<string> names = outcome.Problem.Spec.VariableNames;
        string name = Names.Name(model.Model).ToUpperInvariant();
        IReadOnlyList<Slice> slices = FieldSampler.Slices(box, names);
        int n = FieldSampler.HeatMapNodes(outcome.Problem.Spec.Evaluation.Points, slices.Count == 1 ? MapNodes : SliceNodes);
        SampledField[] fields = [.. slices.Select(s => FieldSampler.Sample(model.Network, outcome.Problem, FieldSampler.Grid(box, s, n)))];
        double[][] errors = [.. fields.Where(f => f.Exact is not null).Select(f => f.Values.Select((v, p) => Math.Abs(v - f.Exact![p])).ToArray())];

        (double lo, double hi) = Range(fields.SelectMany(f => f.Values));
        var solution = slices.Select((s, k) => StandardCharts.Solution(Field(box, s, n, fields[k].Values), names[s.XAxis], names[s.YAxis]) with
        {
            Id = $"solution{k}",
            Title = SliceTitle($"{name} solution u", s, slices.Count),
            Value = new Axis("u") { Min = lo, Max = hi },
            Width = slices.Count == 1 ? 640 : 520,
            Height = slices.Count == 1 ? 520 : 430,
        }).Select(renderer.Render).ToArray();
        string variables = string.Join(", ", names);
        var figures = new List<Figure> { Compose("solution.svg", $"{name} solution u({variables})", solution, slices) };
        if (errors.Length == slices.Count)
        {
            (double elo, double ehi) = Range(errors.SelectMany(e => e).Where(e => e > 0));
            var maps = slices.Select((s, k) => StandardCharts.AbsoluteError(Field(box, s, n, errors[k]), names[s.XAxis], names[s.YAxis]) with
            {
                Id = $"error{k}",
                Title = SliceTitle($"|u − exact| of the {name}", s, slices.Count),
                Value = elo > 0 ? Axis.Log("|u − exact|") with { Min = elo, Max = ehi } : Axis.Log("|u − exact|"),
                Width = slices.Count == 1 ? 640 : 520,
                Height = slices.Count == 1 ? 520 : 430,
            }).Select(renderer.Render).ToArray();
            figures.Add(Compose("error.svg", $"|u − exact| of the {name} solution (log colour scale)", maps, slices));
        }

        return figures;
    }

    private static Figure Compose(string file, string caption, string[] parts, IReadOnlyList<Slice> slices) =>
        slices.Count == 1
            ? new Figure(file, caption, parts[0])
            : new Figure(file, caption + ", in slices", SvgComposer.Grid(parts, 2, caption));

    private static string SliceTitle(string what, Slice slice, int count) => count == 1 ? what : $"{what} at {slice.Label}";

    private static GridField Field(Box box, Slice s, int n, double[] values) =>
        new(box.Low[s.XAxis], box.High[s.XAxis], n, box.Low[s.YAxis], box.High[s.YAxis], n, values);

    private static (double Low, double High) Range(IEnumerable<double> values)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in values.Where(double.IsFinite))
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        if (!(lo <= hi))
        {
            return (0, 1);
        }

        if (lo == hi)
        {
            double pad = lo == 0 ? 1 : Math.Abs(lo) * 0.01;
            return (lo - pad, hi + pad);
        }

        return (lo, hi);
    }
}
