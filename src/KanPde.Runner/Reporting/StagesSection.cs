using System.Globalization;
using System.Net;
using System.Text;
using KanPde.Core.Training;
using KanPde.Problems.Specification;
using KanPde.Runner.Results;

namespace KanPde.Runner.Reporting;

/// <summary>
/// The report's table of the KAN's stages as they ran: grid, optimizer, steps, why each ended, its loss and error. With
/// <c>schedule: auto</c> (the default) this is the schedule auto chose.
/// </summary>
public static class StagesSection
{
    /// <summary>Appends the section, or nothing when no KAN was trained.</summary>
    public static void Append(StringBuilder sb, ProblemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kan is not { Stages.Count: > 0 } kan)
        {
            return;
        }

        bool auto = outcome.Problem.Spec.Training.Schedule is null;
        sb.Append("<h2>KAN stages</h2>\n<p class=\"notes\">")
            .Append(auto ? "The schedule <code>auto</code> chose, stage by stage, from the run itself." : "The stages of the file's schedule, as they ran.")
            .Append("</p>\n<table class=\"summary\">\n<tr><th>stage</th><th>grid</th><th>optimizer</th><th>parameters</th><th>steps</th><th>ended</th><th>loss</th><th>relative L2</th><th>seconds</th></tr>\n");
        for (int s = 0; s < kan.Stages.Count; s++)
        {
            StageResult stage = kan.Stages[s];
            sb.Append("<tr><td class=\"num\">").Append(s + 1).Append("</td><td class=\"num\">").Append(stage.Grid?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td>").Append(E(Names.Name(stage.Optimizer))).Append("</td><td class=\"num\">").Append(stage.Parameters)
                .Append("</td><td class=\"num\">").Append(stage.Steps).Append("</td><td>").Append(E(MetricsJson.ReasonName(stage.Reason)))
                .Append("</td><td class=\"num\">").Append(E(SummaryTable.Figure(stage.Loss)))
                .Append("</td><td class=\"num\">").Append(E(stage.Errors is { } e ? SummaryTable.Figure(e.RelativeL2) : "–"))
                .Append("</td><td class=\"num\">").Append(stage.Seconds.ToString("F1", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
