using System.CommandLine;
using KanPde.Runner.Commands;

namespace KanPde.Runner;

/// <summary>The command line: builds the commands, parses, runs, and never lets an exception escape.</summary>
public static class KanPdeApp
{
    /// <summary>Runs the program with <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool verbose = args.Contains("--verbose");
        try
        {
            RootCommand root = BuildCommands(output);
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

            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
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

    private static RootCommand BuildCommands(TextWriter output)
    {
        var root = new RootCommand("Solves PDEs with physics-informed Kolmogorov–Arnold networks.");
        root.Subcommands.Add(ValidateCommand.Create(output));
        return root;
    }
}
