using System.CommandLine;
using KanPde.Runner.Commands;
using KanPde.Runner.Training;

namespace KanPde.Runner;

/// <summary>The command line: builds the commands, parses, runs, and never lets an exception escape.</summary>
public static class KanPdeApp
{
    /// <summary>Runs the program with <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, DefaultTrainer());

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/> with another training engine (tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, IModelTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        bool verbose = args.Contains("--verbose");
        try
        {
            RootCommand root = BuildCommands(output, error, trainer);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError parseError in parsed.Errors)
                {
                    error.WriteLine($"error: {parseError.Message}");
                }

                error.WriteLine("Run 'kanpde --help' for usage.");
                return ExitCodes.BadInput;
            }

            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // 'run' handles Ctrl+C itself, so it can save what finished
            });
        }
        catch (Exception e)
        {
            error.WriteLine($"error: {e.Message}");
            if (verbose)
            {
                error.WriteLine(e.ToString());
            }

            return ExitCodes.BadInput;
        }
    }

    private static RootCommand BuildCommands(TextWriter output, TextWriter error, IModelTrainer trainer)
    {
        bool console = ReferenceEquals(output, Console.Out);
        var root = new RootCommand("Solves PDEs with physics-informed Kolmogorov–Arnold networks.");
        root.Subcommands.Add(RunCommand.Create(output, error, trainer, console));
        root.Subcommands.Add(ListCommand.Create(output, error));
        root.Subcommands.Add(ValidateCommand.Create(output));
        return root;
    }

    private static IModelTrainer DefaultTrainer() => new SolverTrainer();
}
