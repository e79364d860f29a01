using System.Globalization;
using System.Net;
using System.Text;
using KanPde.Core.Training;
using KanPde.Problems.Specification;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>
/// report.html: one self-contained page (inline style and SVG, images only as data URIs; no scripts, fonts or files from anywhere) with the
/// problem, the KAN-against-MLP table and every plot.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; margin: 2em auto; max-width: 1100px; padding: 0 1em; line-height: 1.45; }
        h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        .description { color: #444; max-width: 60em; }
        code, .math { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f4f4f4; padding: 0.05em 0.3em; border-radius: 3px; }
        dl.problem { display: grid; grid-template-columns: max-content 1fr; gap: 0.35em 1.2em; }
        dl.problem dt { font-weight: bold; } dl.problem dd { margin: 0; }
        ul.conditions { margin: 0; padding-left: 1.1em; }
        table.summary { border-collapse: collapse; margin: 0.6em 0; }
        table.summary th, table.summary td { border: 1px solid #ccc; padding: 0.3em 0.7em; }
        table.summary th { background: #f0f0f0; } table.summary td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .status-bad { color: #b00020; font-weight: bold; }
        figure { margin: 1.2em 0 2em 0; } figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: #555; font-size: 0.92em; margin-top: 0.3em; }
        .notes { color: #555; font-size: 0.9em; }
        """;

    /// <summary>The page for a finished run.</summary>
    public static string Render(ProblemOutcome outcome, SummaryTable table, IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(figures);
        ProblemSpec spec = outcome.Problem.Spec;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(spec.Name)).Append(" — KanPde results</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(E(spec.Name)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(spec.Description))
        {
            sb.Append("<p class=\"description\">").Append(E(spec.Description.Trim())).Append("</p>\n");
        }

        AppendProblem(sb, spec);
        AppendTable(sb, table, outcome);
        StagesSection.Append(sb, outcome);
        FormulaSection.Append(sb, outcome);
        sb.Append("<h2>Plots</h2>\n");
        foreach (Figure f in figures)
        {
            sb.Append("<figure id=\"").Append(E(f.Name)).Append("\">\n").Append(f.Image.Svg)
                .Append("\n<figcaption>").Append(E(f.Caption)).Append(" (<code>").Append(E(f.SvgFile)).Append("</code>, <code>")
                .Append(E(f.PngFile)).Append("</code>)</figcaption>\n</figure>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendProblem(StringBuilder sb, ProblemSpec spec)
    {
        sb.Append("<h2>Problem</h2>\n<dl class=\"problem\">\n");
        Item(sb, "variables", string.Join(", ", spec.Variables.Select(v => $"<span class=\"math\">{E(v.Name)} ∈ [{N(v.Low)}, {N(v.High)}]</span>")));
        if (spec.Constants.Count > 0)
        {
            Item(sb, "constants", string.Join(", ", spec.Constants.Select(c => $"<span class=\"math\">{E(c.Name)} = {N(c.Value)}</span>")));
        }

        if (spec.Definitions.Count > 0)
        {
            Item(sb, "definitions", string.Join("<br>", spec.Definitions.Select(d => $"<span class=\"math\">{E(d.Name)} = {E(d.Text)}</span>")));
        }

        if (spec.Unknowns.Count > 1)
        {
            Item(sb, "unknowns", string.Join(", ", spec.Unknowns.Select(u => $"<span class=\"math\">{E(u)}</span>")));
        }

        Item(sb, spec.Equations.Count == 1 ? "equation" : "equations",
            string.Join("<br>", spec.Equations.Select(e => $"<span class=\"math\">{E(e.Text)}</span>")) + " inside the box");
        if (spec.Parameters.Count > 0)
        {
            Item(sb, "parameters", string.Join(", ", spec.Parameters.Select(p => $"<span class=\"math\">{E(p.Name)}</span> from {N(p.Initial)}"
                + (p.Exact is { } x ? $" (exact {N(x)})" : ""))));
        }

        if (spec.Data.Count > 0)
        {
            Item(sb, "observations", E(string.Join("; ", spec.Data.Select(d => d.Table is { } table ? $"{d.Name}: {table.Count} points" : $"{d.Name}, noise {N(d.Noise)}"))));
        }

        string conditions = spec.Conditions.Count == 0 && spec.Periodic.Count == 0
            ? "none"
            : "<ul class=\"conditions\">" + string.Concat(spec.Conditions.Select(c =>
                $"<li><span class=\"math\">{E(c.Equation.Text)}</span> at {string.Join(", ", c.Faces.Select(f => $"<span class=\"math\">{E(f.VariableName)} = {N(f.Value)}</span>").Concat(c.Names.Select(n => n == "boundary" ? "the whole boundary" : $"the boundary of {E(n)}")))}"
                + (c.Weight == 1 ? "" : $" (weight {N(c.Weight)})") + "</li>"))
                + string.Concat(spec.Periodic.Select(k => $"<li>periodic in <span class=\"math\">{E(spec.VariableNames[k])}</span> (exact: the network sees cos θ, sin θ)</li>")) + "</ul>";
        Item(sb, "conditions", conditions);
        if (spec.Domain is { } domain)
        {
            Item(sb, "domain", E(Describe(domain)) + " (the heat maps leave the outside of the domain blank and draw its boundary in black; errors are measured inside it only)");
        }
        string exact = spec.Exacts.All(x => x is null)
            ? "not given (errors cannot be measured)"
            : string.Join("<br>", spec.Exacts.Select((x, k) => x is null ? null : $"<span class=\"math\">{E(spec.Unknowns[k])} = {E(x.Text)}</span>").OfType<string>());
        Item(sb, "exact solution", exact);
        TrainingSpec t = spec.Training;
        string schedule = t.Schedule is null ? "auto" : string.Join(" → ", t.Schedule.Select(s => $"G = {s.Grid} for {s.Steps} steps"));
        Item(sb, "training", E($"{t.Points.Interior} interior points ({Names.Name(t.Sampling)}), seed {t.Seed}; KAN schedule {schedule}"));
        sb.Append("</dl>\n");
    }

    private static void AppendTable(StringBuilder sb, SummaryTable table, ProblemOutcome outcome)
    {
        sb.Append(outcome.Kan is not null && outcome.Mlp is not null ? "<h2>KAN against MLP</h2>" : "<h2>Result</h2>").Append("\n<table class=\"summary\">\n<tr>");
        foreach (string h in table.Headers)
        {
            sb.Append("<th>").Append(E(h)).Append("</th>");
        }

        sb.Append("</tr>\n");
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            sb.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                string css = c == 4 && row[c] != "completed" ? " class=\"status-bad\"" : c >= 2 && c != 4 ? " class=\"num\"" : "";
                sb.Append("<td").Append(css).Append('>').Append(E(row[c])).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n<p class=\"notes\">");
        sb.Append(!outcome.Problem.Spec.HasCompleteExact
            ? "No exact solution is given, so errors are not measured. "
            : E($"Errors against the exact solution on the evaluation grid ({outcome.Problem.Spec.Evaluation.Points} points per axis). "));
        sb.Append("Seconds are wall-clock training time. KAN parameters: spline coefficients, base weights and spline scales of every edge; MLP: weights and biases.");
        foreach (TrainingResult r in outcome.Models.Where(r => r.Status == TrainingStatus.Diverged))
        {
            sb.Append(E($" The {Names.Name(r.Model).ToUpperInvariant()} diverged at step {r.DivergedAtStep}: its figures are those of the last network with a finite loss."));
        }

        sb.Append("</p>\n");
        AppendSystem(sb, outcome);
    }

    // Per unknown errors and the trained parameters, one row per model.
    private static void AppendSystem(StringBuilder sb, ProblemOutcome outcome)
    {
        ProblemSpec spec = outcome.Problem.Spec;
        if (!spec.IsSystem)
        {
            return;
        }

        sb.Append("<h2>Unknowns and parameters</h2>\n<table class=\"summary\">\n<tr><th>model</th><th>quantity</th><th>MSE</th><th>relative L²</th><th>max |error|</th><th>value</th><th>exact</th><th>relative error</th></tr>\n");
        foreach (TrainingResult model in outcome.Models)
        {
            SystemFigures figures = SystemFigures.Of(outcome.Problem, model)!;
            string name = Names.Name(model.Model).ToUpperInvariant();
            foreach (KanPde.Problems.Solving.UnknownErrors u in figures.Unknowns)
            {
                sb.Append("<tr><td>").Append(name).Append("</td><td>").Append(E(u.Name)).Append("</td>")
                    .Append(Cell(u.Errors?.Mse)).Append(Cell(u.Errors?.RelativeL2)).Append(Cell(u.Errors?.MaxAbsError))
                    .Append("<td></td><td></td><td></td></tr>\n");
            }

            foreach (KanPde.Problems.Solving.ParameterValue p in figures.Parameters)
            {
                sb.Append("<tr><td>").Append(name).Append("</td><td>").Append(E(p.Name)).Append("</td><td></td><td></td><td></td>")
                    .Append(Cell(p.Value)).Append(Cell(p.Exact)).Append(Cell(p.RelativeError)).Append("</tr>\n");
            }
        }

        sb.Append("</table>\n");

        static string Cell(double? value) =>
            $"<td class=\"num\">{(value is { } v && double.IsFinite(v) ? E(v.ToString("G4", CultureInfo.InvariantCulture)) : "—")}</td>";
    }

    private static void Item(StringBuilder sb, string term, string html) =>
        sb.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(html).Append("</dd>\n");

    // A shape as a short phrase: "difference of (box, disk 'hole')".
    private static string Describe(KanPde.Core.Geometry.Shape shape) => shape switch
    {
        KanPde.Core.Geometry.CompositeShape c => $"{c.Describe()} of ({string.Join(", ", c.Operands.Select(Describe))})",
        KanPde.Core.Geometry.Ball { Dimension: 2 } b => $"disk{(b.Name is null ? "" : $" '{b.Name}'")} centre ({string.Join(", ", b.Center.Select(N))}), radius {N(b.Radius)}",
        KanPde.Core.Geometry.Polygon p => $"polygon{(p.Name is null ? "" : $" '{p.Name}'")} with {p.Vertices.Count} vertices",
        _ => shape.Describe(),
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
