using System.Globalization;
using System.Text;
using KanPde.Core.Training;

namespace KanPde.Runner.Results;

/// <summary>
/// <c>&lt;model&gt;/history.csv</c>: one row per step, numbers in the invariant culture in their shortest
/// round-trippable form, empty cells where a value is missing (the MLP's grid, errors between measurements).
/// </summary>
public static class HistoryCsv
{
    /// <summary>The header row, exactly as docs/results-format.md gives it.</summary>
    public const string Header = "step,stage,grid,loss,equation_loss,condition_loss,mse,relative_l2,seconds";

    /// <summary>
    /// The whole file, header first, one line per record, "\n" line ends; a problem with parameters adds one column per
    /// parameter, named after it, with its value after each step.
    /// </summary>
    public static string Write(IReadOnlyList<StepRecord> history, IReadOnlyList<string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        parameters ??= [];
        var sb = new StringBuilder(Header.Length + 1 + 120 * history.Count);
        sb.Append(Header);
        foreach (string name in parameters)
        {
            sb.Append(',').Append(name);
        }

        sb.Append('\n');
        foreach (StepRecord r in history)
        {
            sb.Append(r.Step.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Stage.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Grid?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(r.Loss)).Append(',')
                .Append(Number(r.EquationLoss)).Append(',')
                .Append(Number(r.ConditionLoss)).Append(',')
                .Append(r.Mse is { } mse ? Number(mse) : "").Append(',')
                .Append(r.RelativeL2 is { } l2 ? Number(l2) : "").Append(',')
                .Append(Number(r.Seconds));
            for (int j = 0; j < parameters.Count; j++)
            {
                sb.Append(',').Append(j < r.Constants.Count ? Number(r.Constants[j]) : "");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A double as written: "R" in the invariant culture (NaN and ±Infinity spelled out).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
