using System.CommandLine;
using KanPde.Problems.Diagnostics;

namespace KanPde.Runner.Commands;

/// <summary>
/// <c>kanpde list [FOLDER]</c>: the problems in a folder (default <c>problems/</c>), one line each: name, variables,
/// equation, and whether an exact solution is known. Files with errors are listed with their first error.
/// </summary>
public static class ListCommand
{
    /// <summary>The default folder.</summary>
    public const string DefaultFolder = "problems";

    /// <summary>The command for the command line.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Arity = ArgumentArity.ZeroOrOne, Description = "Folder of problem files.", DefaultValueFactory = _ => DefaultFolder };
        var command = new Command("list", "List the problems in a folder: name, variables, equation, exact solution known.");
        command.Arguments.Add(folder);
        command.SetAction(parsed => Run(parsed.GetValue(folder) ?? DefaultFolder, output, error));
        return command;
    }

    /// <summary>Lists the folder; <see cref="ExitCodes.BadInput"/> when it does not exist, holds no problems, or a file has errors.</summary>
    public static int Run(string folder, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"error: no folder '{folder}'");
            return ExitCodes.BadInput;
        }

        int exit = ExitCodes.Ok;
        var rows = new List<string[]>();
        IReadOnlyList<string> files = ProblemInputs.Expand(folder);
        foreach (string file in files)
        {
            var loaded = ProblemInputs.Load([file]);
            if (loaded.Problems.FirstOrDefault() is { } p)
            {
                rows.Add([p.Name, string.Join(", ", p.VariableNames), p.Equation.Text, p.Exact is null ? "no exact solution" : "exact solution known"]);
                continue;
            }

            Diagnostic? first = loaded.Diagnostics.FirstOrDefault(d => d.IsError);
            rows.Add([Path.GetFileNameWithoutExtension(file), "", $"(invalid: {first})", ""]);
            exit = ExitCodes.BadInput;
        }

        if (rows.Count == 0)
        {
            error.WriteLine($"error: no problem files (*.yaml) in '{folder}'");
            return ExitCodes.BadInput;
        }

        int[] widths = [.. Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] r in rows)
        {
            output.WriteLine($"{r[0].PadRight(widths[0])}  {r[1].PadRight(widths[1])}  {r[2].PadRight(widths[2])}  {r[3]}".TrimEnd());
        }

        return exit;
    }
}
