using KanPde.Runner.Progress;
using KanPde.Runner.Results;

namespace KanPde.Runner.Commands;

/// <summary>Where a run reports: messages, errors, progress, and how the final table is printed.</summary>
public sealed record RunConsole(TextWriter Output, TextWriter Error, ITrainingProgress Progress, Action<SummaryTable> PrintTable)
{
    /// <summary>Plain text everywhere (output that is not a terminal); progress lines every <paramref name="interval"/> unless quiet.</summary>
    public static RunConsole Plain(TextWriter output, TextWriter error, bool quiet, TimeSpan interval) =>
        new(output, error, quiet ? new SilentProgress() : new PlainProgress(output, interval), t => PlainTable(output, t));

    /// <summary>The table as aligned plain text under the problem's name.</summary>
    public static void PlainTable(TextWriter output, SummaryTable table)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        var all = new List<IReadOnlyList<string>> { table.Headers };
        all.AddRange(table.Rows);
        int[] widths = [.. Enumerable.Range(0, table.Headers.Count).Select(c => all.Max(r => r[c].Length))];
        output.WriteLine();
        output.WriteLine(table.Problem);
        foreach (IReadOnlyList<string> row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c <= 1 || c == 4 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }
}
