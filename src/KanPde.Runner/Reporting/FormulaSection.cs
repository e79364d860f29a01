using System.Globalization;
using System.Net;
using System.Text;
using KanPde.Problems.Symbolic;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>
/// The report's symbolic formula (with <c>--symbolic</c> or <c>kan.symbolic</c>): the formula or why none fits, its errors and
/// equation loss beside the KAN's, the pruned width and every edge's chosen function. The same figures as <c>kan/formula.json</c>.
/// </summary>
public static class FormulaSection
{
    /// <summary>Appends the section, or nothing when no formula was asked for.</summary>
    public static void Append(StringBuilder sb, ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Formula is not { } f)
        {
            return;
        }

        sb.Append("<h2>Symbolic formula</h2>\n");
        sb.Append(f.Formula is null
            ? $"<p><span class=\"status-bad\">No formula fits the KAN</span>: {E(f.Reason ?? "no reason given")}. The KAN keeps its splines.</p>\n"
            : $"<p><span class=\"math\">u = {E(f.Formula)}</span></p>\n");
        sb.Append("<p class=\"notes\">Pruned width [").Append(string.Join(", ", f.PrunedWidth)).Append("]. Errors on the evaluation grid against the exact solution; ")
            .Append("equation loss: the mean squared PDE residual at the interior collocation points.</p>\n");
        sb.Append("<table class=\"summary\">\n<tr><th>model</th><th>MSE</th><th>relative L2</th><th>max |error|</th><th>equation loss</th></tr>\n");
        if (outcome.Kan is { } kan)
        {
            Row(sb, "KAN", kan.Errors?.Mse, kan.Errors?.RelativeL2, kan.Errors?.MaxAbsError, kan.EquationLoss);
        }

        Row(sb, "formula", f.Mse, f.RelativeL2, f.MaxAbsError, f.EquationLoss);
        sb.Append("</table>\n<table class=\"summary\">\n<tr><th>layer</th><th>from</th><th>to</th><th>function</th><th>c·f(a·x + b) + d</th><th>R²</th></tr>\n");
        foreach (EdgeReport edge in f.Edges)
        {
            string constants = edge.Fit is { } fit ? $"a = {N(fit.A)}, b = {N(fit.B)}, c = {N(fit.C)}, d = {N(fit.D)}" : "–";
            sb.Append("<tr><td class=\"num\">").Append(edge.Layer).Append("</td><td class=\"num\">").Append(edge.From).Append("</td><td class=\"num\">").Append(edge.To)
                .Append("</td><td>").Append(E(edge.Function)).Append("</td><td>").Append(E(constants)).Append("</td><td class=\"num\">")
                .Append(N(edge.Fit?.RSquared ?? edge.BestRSquared)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void Row(StringBuilder sb, string name, double? mse, double? relative, double? max, double? equation) =>
        sb.Append("<tr><td>").Append(name).Append("</td><td class=\"num\">").Append(E(SummaryTable.Figure(mse))).Append("</td><td class=\"num\">")
            .Append(E(SummaryTable.Figure(relative))).Append("</td><td class=\"num\">").Append(E(SummaryTable.Figure(max)))
            .Append("</td><td class=\"num\">").Append(E(SummaryTable.Figure(equation))).Append("</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "–";
}
