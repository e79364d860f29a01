using System.CommandLine;
using KanPde.Core.Training;
using KanPde.Runner.Plotting;
using KanPde.Runner.Progress;
using KanPde.Runner.Results;
using KanPde.Runner.Training;
using Spectre.Console;

namespace KanPde.Runner.Commands;

/// <summary>
/// <c>kanpde run PATH... [--out DIR] [--models kan,mlp] [--seed N] [--quiet] [--verbose] [--symbolic]</c>: trains the KAN and the
/// MLP baseline on each problem and writes <c>DIR/NAME/</c> (results-format.md). Ctrl+C stops training.
/// </summary>
public static class RunCommand
{
    /// <summary>Seconds between plain progress lines when output is not a terminal.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The command for the command line. With <paramref name="console"/> true the output is the process's own console:
    /// Ctrl+C is caught, and a terminal gets live progress and a drawn table.
    /// </summary>
    public static Command Create(TextWriter output, TextWriter error, IModelTrainer trainer, bool console)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Problem files (YAML), or folders of them." };
        var outFolder = new Option<string>("--out") { Description = "Folder for the results; each problem gets OUT/NAME/.", DefaultValueFactory = _ => RunOptions.DefaultOut, HelpName = "DIR" };
        var models = new Option<string?>("--models") { Description = "Models to train: kan, mlp or kan,mlp. Default: both, or only the KAN when the file says 'mlp: none'.", HelpName = "LIST" };
        var seed = new Option<int?>("--seed") { Description = "Seed for every random choice, instead of the file's training.seed.", HelpName = "N" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors and the final table." };
        var symbolic = new Option<bool>("--symbolic") { Description = "Also prune the KAN, fit a formula to it, refit the formula against the PDE and write kan/formula.json." };
        var verbose = new Option<bool>("--verbose") { Description = "Show internal details (stack traces) of unexpected failures." };
        var command = new Command("run", "Train the KAN and the MLP baseline on problems and write results, plots and a report.");
        command.Arguments.Add(paths);
        command.Options.Add(outFolder);
        command.Options.Add(models);
        command.Options.Add(seed);
        command.Options.Add(quiet);
        command.Options.Add(verbose);
        command.Options.Add(symbolic);
        command.SetAction(parsed =>
        {
            IReadOnlySet<ModelKind>? asked = null;
            if (parsed.GetValue(models) is { } list)
            {
                asked = RunOptions.ParseModels(list, out string? problem);
                if (asked is null)
                {
                    error.WriteLine($"error: {problem}");
                    return ExitCodes.BadInput;
                }
            }

            var options = new RunOptions(parsed.GetValue(paths) ?? [], parsed.GetValue(outFolder) ?? RunOptions.DefaultOut, asked,
                parsed.GetValue(seed), parsed.GetValue(quiet), parsed.GetValue(verbose)) { Symbolic = parsed.GetValue(symbolic) };
            return console ? RunOnConsole(options, trainer) : Run(options, trainer, RunConsole.Plain(output, error, options.Quiet, PlainInterval), CancellationToken.None);
        });
        return command;
    }

    /// <summary>Runs with the given console until done or cancelled; returns the exit code.</summary>
    public static int Run(RunOptions options, IModelTrainer trainer, RunConsole console, CancellationToken cancellation) =>
        new RunSession(trainer, new ResultsWriter(new OxyChartRenderer()), console).Execute(options, cancellation);

    private static int RunOnConsole(RunOptions options, IModelTrainer trainer)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true; // the first Ctrl+C stops training gracefully; a second one ends the process
                Console.Error.WriteLine("Stopping after the current step (press Ctrl+C again to quit at once; earlier results stay intact)...");
                stop.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            bool terminal = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            RunConsole console = terminal
                ? new RunConsole(Console.Out, Console.Error, options.Quiet ? new SilentProgress() : new LiveProgress(AnsiConsole.Console), DrawTable)
                : RunConsole.Plain(Console.Out, Console.Error, options.Quiet, PlainInterval);
            return Run(options, trainer, console, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void DrawTable(SummaryTable summary)
    {
        // A drawn table needs 3 more characters per column than the plain one; on a narrow terminal wrapped cells
        // would be harder to read than plain aligned text.
        int columns = summary.Headers.Count;
        int needed = Enumerable.Range(0, columns).Sum(c => summary.Rows.Append(summary.Headers).Max(r => r[c].Length)) + 3 * columns + 1;
        if (AnsiConsole.Profile.Width < needed)
        {
            RunConsole.PlainTable(Console.Out, summary);
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape(summary.Problem)) };
        for (int c = 0; c < columns; c++)
        {
            var column = new TableColumn(Markup.Escape(summary.Headers[c])).NoWrap();
            table.AddColumn(c <= 1 || c == 4 ? column : column.RightAligned());
        }

        foreach (IReadOnlyList<string> row in summary.Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
    }
}
