using System.Globalization;
using System.Text;
using KanPde.Core.Training;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Results;

/// <summary>
/// The KAN-against-MLP table of one problem, as text cells: one row per trained model with its width,
/// parameters, steps, status, MSE, relative L2, max error, seconds and loss evaluations. The console, summary.md and the
/// report all show these same cells.
/// </summary>
public sealed record SummaryTable(string Problem, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Shown where a value does not exist (errors without an exact solution).</summary>
    public const string Missing = "—";

    /// <summary>The table for the models that were trained (KAN first).</summary>
    public static SummaryTable Create(string problem, IEnumerable<TrainingResult> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        string[] headers = ["model", "width", "parameters", "steps", "status", "MSE", "relative L2", "max |error|", "seconds", "evaluations"];
        List<IReadOnlyList<string>> rows = [.. models.Select(Row)];
        return new SummaryTable(problem, headers, rows);
    }

    /// <summary>The table in Markdown, under a heading naming the problem.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Problem).Append("\n\n");
        sb.Append("| ").AppendJoin(" | ", Headers.Select(Cell)).Append(" |\n");
        sb.Append('|').AppendJoin("", Headers.Select((_, c) => c <= 1 || c == 4 ? " --- |" : " ---: |")).Append('\n');
        foreach (IReadOnlyList<string> row in Rows)
        {
            sb.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>A figure with three significant digits: 3.40e-10, or plain for 0.01 ≤ |x| &lt; 10⁴.</summary>
    public static string Figure(double? value)
    {
        if (value is not { } v)
        {
            return Missing;
        }

        if (!double.IsFinite(v))
        {
            return v.ToString(CultureInfo.InvariantCulture);
        }

        double a = Math.Abs(v);
        return a == 0 || (a >= 0.01 && a < 1e4)
            ? v.ToString("G3", CultureInfo.InvariantCulture)
            : v.ToString("0.00e+00", CultureInfo.InvariantCulture);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static IReadOnlyList<string> Row(TrainingResult r) =>
    [
        Names.Name(r.Model).ToUpperInvariant(),
        "[" + string.Join(", ", r.Width) + "]",
        r.Parameters.ToString(CultureInfo.InvariantCulture),
        r.Steps.ToString(CultureInfo.InvariantCulture),
        r.Status == TrainingStatus.Diverged ? $"diverged at step {r.DivergedAtStep}" : MetricsJson.StatusName(r.Status),
        Figure(r.Errors?.Mse),
        Figure(r.Errors?.RelativeL2),
        Figure(r.Errors?.MaxAbsError),
        r.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
        r.Evaluations.ToString(CultureInfo.InvariantCulture),
    ];
}
