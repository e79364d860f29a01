using System.CommandLine;
using System.Globalization;
using KanPde.Problems.Compilation;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Commands;

/// <summary>
/// <c>kanpde validate FILE...</c>: reads and checks problem files without training. Prints OK with a
/// one-line summary, or every error, and how well the exact solution satisfies the equations.
/// </summary>
public static class ValidateCommand
{
    /// <summary>The command for the command line.</summary>
    public static Command Create(TextWriter output)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Problem files (YAML) to check." };
        var verbose = new Option<bool>("--verbose") { Description = "Show internal details of unexpected failures." };
        var command = new Command("validate", "Check problem files without training.");
        command.Arguments.Add(files);
        command.Options.Add(verbose);
        command.SetAction(parsed => Run(parsed.GetValue(files) ?? [], parsed.GetValue(verbose), output));
        return command;
    }

    /// <summary>Checks every file; returns <see cref="ExitCodes.Ok"/> when all are valid, else <see cref="ExitCodes.BadInput"/>.</summary>
    public static int Run(IReadOnlyList<string> files, bool verbose, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        int exit = ExitCodes.Ok;
        foreach (string file in files)
        {
            try
            {
                if (!ValidateOne(file, output))
                {
                    exit = ExitCodes.BadInput;
                }
            }
            catch (Exception e)
            {
                output.WriteLine($"{file}: error: could not be checked: {e.Message}");
                if (verbose)
                {
                    output.WriteLine(e.ToString());
                }

                exit = ExitCodes.BadInput;
            }
        }

        return exit;
    }

    private static bool ValidateOne(string file, TextWriter output)
    {
        LoadResult result = ProblemLoader.Load(file);
        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        if (result.Problem is not { } problem)
        {
            int errors = result.Errors.Count;
            output.WriteLine($"{file}: {errors} error{(errors == 1 ? "" : "s")}");
            return false;
        }

        output.WriteLine($"{file}: OK: {Summary(problem)}");
        IReadOnlyList<ExactCheckResult>? check = ExactSolutionCheck.Run(problem);
        if (check is null)
        {
            output.WriteLine("  exact solution: not given, so errors will not be measured");
            return true;
        }

        var failures = check.Where(r => !(r.Relative <= ExactSolutionCheck.DefaultTolerance)).ToList();
        double worst = check.Max(r => double.IsNaN(r.Relative) ? double.PositiveInfinity : r.Relative);
        if (failures.Count == 0)
        {
            int periodic = check.Count(r => r.Equation.StartsWith("periodic", StringComparison.Ordinal));
            int equations = check.Count(r => !r.Equation.StartsWith("condition", StringComparison.Ordinal)) - periodic;
            string which = problem.Equations.Count == 1 ? "the equation" : $"the equations ({equations} of {problem.Equations.Count})";
            int conditions = check.Count - equations - periodic;
            string unchecked_ = equations < problem.Equations.Count || conditions < problem.Conditions.Count
                ? " (the others read an unknown or parameter without an exact value)"
                : "";
            string joined = periodic == 0 ? "" : $", is periodic in {string.Join(", ", problem.Periodic.Select(k => problem.VariableNames[k]))} (with its derivative)";
            output.WriteLine($"  exact solution: satisfies {which} and {Plural(conditions, "condition")}{joined} (largest residual {Number(worst)} relative to the terms){unchecked_}");
        }

        foreach (ExactCheckResult failure in failures)
        {
            string at = string.Join(", ", problem.Variables.Select((v, k) => $"{v.Name} = {Number(failure.WorstPoint[k])}"));
            string size = double.IsNaN(failure.MaxResidual)
                ? "it is not finite"
                : $"|LHS - RHS| is up to {Number(failure.MaxResidual)}, {Number(failure.Relative)} relative to the terms (size {Number(failure.Scale)})";
            output.WriteLine($"{file}: warning: the exact solution does not satisfy {failure.Equation}: {size}, at ({at})");
        }

        return true;
    }

    private static string Summary(ProblemSpec p)
    {
        int faces = p.Conditions.Sum(c => c.Faces.Count);
        string mlp = p.Mlp is null ? "no MLP" : $"MLP [{string.Join(", ", p.Mlp.Width)}]";
        string grids = p.Training.Schedule is null
            ? $"auto ({string.Join(" -> ", ProblemSolver.KanStages(p).Select(s => s.Grid))} at most, {p.Training.MaxSteps ?? AutoTraining.DefaultMaxSteps} steps)"
            : string.Join(" -> ", p.Training.Schedule.Select(s => s.Grid));
        string system = !p.IsSystem ? "" : $"{Plural(p.Unknowns.Count, "unknown")} ({string.Join(", ", p.Unknowns)}), {Plural(p.Equations.Count, "equation")}, "
            + (p.Parameters.Count == 0 ? "" : $"{Plural(p.Parameters.Count, "parameter")} ({string.Join(", ", p.Parameters.Select(q => q.Name))}), ")
            + (p.Data.Count == 0 ? "" : $"{Plural(p.Data.Count, "observation set")}, ");
        string exact = p.Exacts.All(e => e is not null) ? "given" : p.Exacts.Any(e => e is not null) ? "given for some unknowns" : "not given";
        return $"{p.Name}: {Plural(p.Variables.Count, "variable")} ({string.Join(", ", p.VariableNames)}), {system}"
            + (p.Domain is null ? "" : $"domain {p.Domain.Describe()}, ")
            + (p.Periodic.Count == 0 ? "" : $"periodic in {string.Join(", ", p.Periodic.Select(k => p.VariableNames[k]))}, ")
            + $"{Plural(p.Conditions.Count, "condition")} on {(p.Domain is null ? Plural(faces, "face") : Plural(p.Conditions.Sum(c => c.Faces.Count + c.Names.Count), "place"))}, exact {exact}; "
            + $"KAN [{string.Join(", ", p.Kan.Width)}] grids {grids}, {mlp}; "
            + $"{p.Training.Points.Interior} interior points ({Names.Name(p.Training.Sampling)})";
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    private static string Number(double value) => value.ToString("G3", CultureInfo.InvariantCulture).ToLowerInvariant();
}
