using KanPde.Problems.Specification;
using KanPde.Core;
using KanPde.Core.Training;
using KanPde.Runner.Plotting;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>
/// solution and error, for every trained model. One variable: u of each model and the exact solution on one axis, and
/// |u − exact| on a log axis. Two variables: one heat map per model side by side on one colour scale with one colour bar.
/// Three or more: a row of slices (<see cref="FieldSampler.Slices"/>) per model, all on one colour scale.
/// </summary>
public static class FieldFigures
{
    private const int LinePoints = 401;
    private const int MapNodes = 101;
    private const int SliceNodes = 61;

    /// <summary>The solution chart and, with an exact solution, the error chart, with their names and captions.</summary>
    public static IReadOnlyList<(string Name, string Caption, Chart Chart)> Charts(ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        IReadOnlyList<string> unknowns = outcome.Problem.Spec.Unknowns;
        var charts = new List<(string Name, string Caption, Chart Chart)>();
        for (int k = 0; k < unknowns.Count; k++)
        {
            // A problem of u alone keeps its figure names; a system's carry the unknown: solution-v, error-v.
            string suffix = unknowns.Count == 1 ? "" : "-" + unknowns[k];
            charts.AddRange((outcome.Problem.Box.Dimension == 1 ? Profiles(outcome, k) : Maps(outcome, k))
                .Select(c => (c.Item1 + suffix, c.Item2, c.Item3)));
        }

        return charts;
    }

    private static Rgb ColorOf(TrainingResult model) => model.Model == ModelKind.Mlp ? Palette.Vermillion : Palette.Blue;

    private static List<(string, string, Chart)> Profiles(ProblemOutcome outcome, int unknown)
    {
        string u = outcome.Problem.Spec.Unknowns[unknown];
        string x = outcome.Problem.Spec.VariableNames[0];
        double[] xs = FieldSampler.Linspace(outcome.Problem.Box.Low[0], outcome.Problem.Box.High[0], LinePoints);
        var models = outcome.Models.Select(m => (Model: m, Field: FieldSampler.Sample(m.Network, outcome.Problem, FieldSampler.Line(outcome.Problem.Box, LinePoints), unknown))).ToArray();
        double[]? exact = models[0].Field.Exact;
        List<Series> curves = exact is null ? [] : [new Series("exact", xs, exact, new Rgb(0xB0, 0xB0, 0xB0), LineWidth: 6)];

        curves.AddRange(models.Select(m => new Series($"{u} {Names.Name(m.Model.Model).ToUpperInvariant()}", xs, m.Field.Values, ColorOf(m.Model),
            Dash: m.Model.Model == ModelKind.Mlp ? LineDash.Dotted : exact is null ? LineDash.Solid : LineDash.Dashed)));
        string names = string.Join(" and ", models.Select(m => Names.Name(m.Model.Model).ToUpperInvariant()));
        var charts = new List<(string, string, Chart)>
        {
            ("solution", $"{u}({x}) of the {names}{(exact is null ? "" : ", and the exact solution")}",
                new XYChart { Title = $"Solution {u}({x})", X = new Axis(x), Y = new Axis(u), Series = curves }),
        };
        if (exact is not null)
        {
            Series[] errors = [.. models.Select(m => new Series($"|{u} − exact| {Names.Name(m.Model.Model).ToUpperInvariant()}", xs,
                [.. m.Field.Values.Select((v, p) => Math.Abs(v - exact[p]))], ColorOf(m.Model)))];
            charts.Add(("error", $"|{u} − exact| of the {names} (log scale)",
                new XYChart { Title = "Absolute error", X = new Axis(x), Y = Axis.Log($"|{u} − exact|"), Series = errors }));
        }

        return charts;
    }

    private static List<(string, string, Chart)> Maps(ProblemOutcome outcome, int unknown)
    {
        string u = outcome.Problem.Spec.Unknowns[unknown];
        Box box = outcome.Problem.Box;
        IReadOnlyList<string> names = outcome.Problem.Spec.VariableNames;
        IReadOnlyList<Slice> slices = FieldSampler.Slices(box, names);
        int n = slices.Count == 1 ? MapNodes : SliceNodes;
        TrainingResult[] models = [.. outcome.Models];
        SampledField[][] fields = [.. models.Select(m => slices.Select(s => FieldSampler.Sample(m.Network, outcome.Problem, FieldSampler.Grid(box, s, n), unknown)).ToArray())];
        IReadOnlyList<IReadOnlyList<(double, double)>> outline = slices.Count == 1 ? Outline(outcome.Problem.Domain) : [];
        string variables = string.Join(", ", names), modelNames = string.Join(" and ", models.Select(m => Names.Name(m.Model).ToUpperInvariant()));
        string sliced = slices.Count == 1 ? "" : $", in slices at four values of {names[0]}";
        var charts = new List<(string, string, Chart)>
        {
            ("solution", $"{u}({variables}) of the {modelNames} on one colour scale{sliced}",
                Grid(box, names, slices, n, models, $"Solution {u}({variables})", new Axis(u), [.. fields.Select(f => f.Select(s => s.Values).ToArray())], outline)),
        };
        if (outcome.Problem.Exacts[unknown] is not null)
        {
            double[][][] errors = [.. fields.Select(f => f.Select(s => s.Values.Select((v, p) => Math.Abs(v - s.Exact![p])).ToArray()).ToArray())];
            charts.Add(("error", $"|{u} − exact| of the {modelNames} on one log colour scale{sliced}",
                Grid(box, names, slices, n, models, $"Absolute error |{u} − exact|", Axis.Log($"|{u} − exact|"), errors, outline)));
        }

        return charts;
    }

    /// <summary>
    /// The models side by side (one slice), or one row of slices per model; the colour bar on the last panel of the first row.
    /// </summary>
    private static ChartGrid Grid(Box box, IReadOnlyList<string> names, IReadOnlyList<Slice> slices, int n, TrainingResult[] models, string title, Axis value, double[][][] values,
        IReadOnlyList<IReadOnlyList<(double, double)>> outline)
    {
        bool log = value.Scale == AxisScale.Log;
        (double lo, double hi) = Range(values.SelectMany(m => m.SelectMany(s => s)).Where(v => !log || v > 0), log);
        value = value with { Min = lo, Max = hi };
        int columns = slices.Count == 1 ? models.Length : slices.Count;
        var panels = new List<Chart>();
        for (int m = 0; m < models.Length; m++)
        {
            for (int k = 0; k < slices.Count; k++)
            {
                Slice s = slices[k];
                double wide = box.High[s.XAxis] - box.Low[s.XAxis], tall = box.High[s.YAxis] - box.Low[s.YAxis];
                double ratio = Math.Clamp(tall / wide, 0.4, 2.5), side = slices.Count == 1 ? 380 : 240;
                panels.Add(new HeatMapChart
                {
                    Title = Names.Name(models[m].Model).ToUpperInvariant() + (s.Label is null ? "" : $", {s.Label}"),
                    Field = new GridField(box.Low[s.XAxis], box.High[s.XAxis], n, box.Low[s.YAxis], box.High[s.YAxis], n, values[m][k]),
                    X = new Axis(names[s.XAxis]), Y = new Axis(names[s.YAxis]), Value = value,
                    ColorBar = panels.Count == columns - 1,
                    Outline = outline,
                    PlotWidth = ratio <= 1 ? side : side / ratio, PlotHeight = ratio <= 1 ? side * ratio : side,
                });
            }
        }

        return new ChartGrid { Title = title, Panels = panels, Columns = columns };
    }

    /// <summary>
    /// The boundary of a two-dimensional domain as polylines: each piece traced along its parameter, broken where a piece
    /// cut by a union, difference or intersection leaves the domain's boundary. Empty for the box (no domain).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> Outline(KanPde.Core.Geometry.Shape? domain, int pointsPerPiece = 400)
    {
        var lines = new List<IReadOnlyList<(double, double)>>();
        if (domain is null || domain.Dimension != 2)
        {
            return lines;
        }

        var point = new double[2];
        var normal = new double[2];
        foreach (KanPde.Core.Geometry.BoundaryPiece piece in domain.Pieces)
        {
            var line = new List<(double, double)>();
            for (int i = 0; i <= pointsPerPiece; i++)
            {
                piece.Map([(double)i / pointsPerPiece], point, normal);
                if (!piece.IsClipped || piece.IsOnPiece(point, normal))
                {
                    line.Add((point[0], point[1]));
                }
                else if (line.Count > 0)
                {
                    lines.Add(line);
                    line = [];
                }
            }

            if (line.Count > 1)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static (double Low, double High) Range(IEnumerable<double> values, bool log)
    {
        double[] finite = [.. values.Where(double.IsFinite)];
        if (finite.Length == 0)
        {
            return log ? (1e-16, 1) : (0, 1);
        }

        (double lo, double hi) = (finite.Min(), finite.Max());
        double pad = Math.Max(Math.Abs(lo) * 0.01, 1e-12);
        return lo < hi ? (lo, hi) : log ? (lo / 2, hi * 2) : (lo - pad, hi + pad);
    }
}
