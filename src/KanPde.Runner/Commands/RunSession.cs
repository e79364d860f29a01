using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Problems.Symbolic;
using KanPde.Runner.Progress;
using KanPde.Runner.Results;
using KanPde.Runner.Training;

namespace KanPde.Runner.Commands;

/// <summary>
/// One <c>kanpde run</c>: reads every problem first (any error: nothing is trained, exit 2), then trains and saves
/// each in turn. A diverged model still gets its results written (exit 1); an interruption discards the problem
/// being trained, keeps what was saved before, and leaves earlier results of that problem untouched.
/// </summary>
public sealed class RunSession(IModelTrainer trainer, ResultsWriter writer, RunConsole console)
{
    /// <summary>Runs everything; returns the exit code.</summary>
    public int Execute(RunOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ProblemInputs inputs = ProblemInputs.Load(options.Paths);
        foreach (Diagnostic d in inputs.Diagnostics)
        {
            console.Error.WriteLine(d.ToString());
        }

        List<(ProblemSpec Spec, ModelKind[] Models)> plan = [.. inputs.Problems.Select(p => (p, ModelsFor(p, options.Models)))];
        foreach ((ProblemSpec spec, _) in plan.Where(p => p.Models.Length == 0))
        {
            console.Error.WriteLine($"{spec.Source.FileName}:1:1: --models asks only for the MLP, but the file says 'mlp: none'");
        }

        if (!inputs.Succeeded || plan.Any(p => p.Models.Length == 0))
        {
            console.Error.WriteLine("Nothing was trained: fix the errors above and run again.");
            return ExitCodes.BadInput;
        }

        var saved = new List<string>();
        bool failed = false;
        foreach ((ProblemSpec spec, ModelKind[] models) in plan)
        {
            if (cancellation.IsCancellationRequested)
            {
                return Interrupted(options, spec, null, saved);
            }

            ProblemOutcome? outcome = Train(spec, models, options, cancellation, out TrainingResult? cancelled);
            if (cancelled is not null || (outcome is null && cancellation.IsCancellationRequested))
            {
                return Interrupted(options, spec, cancelled, saved);
            }

            if (outcome is null)
            {
                failed = true;
                continue;
            }

            failed |= !Save(options, outcome, saved);
        }

        return failed ? ExitCodes.TrainingFailed : ExitCodes.Ok;
    }

    /// <summary>The models to train: those asked for (default both) that the file defines.</summary>
    public static ModelKind[] ModelsFor(ProblemSpec spec, IReadOnlySet<ModelKind>? asked)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [.. new[] { ModelKind.Kan, ModelKind.Mlp }.Where(m => (asked is null || asked.Contains(m)) && (m == ModelKind.Kan || spec.Mlp is not null))];
    }

    private ProblemOutcome? Train(ProblemSpec spec, ModelKind[] models, RunOptions options, CancellationToken cancellation, out TrainingResult? cancelled)
    {
        cancelled = null;
        CompiledProblem problem = CompiledProblem.Compile(spec);
        TrainingResult? kan = null, mlp = null;
        foreach (ModelKind model in models)
        {
            // With schedule: auto the stages are chosen during the run: the count shown is the most it may run.
            var context = new ProgressContext(spec.Name, model, trainer.PlannedSteps(spec, model), model == ModelKind.Kan ? ProblemSolver.KanStages(spec).Count : 1);
            TrainingResult result;
            try
            {
                var solve = new SolveOptions(options.Seed, MlpEvaluations: kan?.Evaluations);
                result = console.Progress.Track(context, report => trainer.Train(problem, model, solve, report, cancellation));
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e)
            {
                console.Error.WriteLine($"error: {spec.Name}: training the {context.ModelName} failed: {e.Message}. No results were written for {spec.Name}.");
                if (options.Verbose)
                {
                    console.Error.WriteLine(e.ToString());
                }

                return null;
            }

            if (result.Status == TrainingStatus.Cancelled)
            {
                cancelled = result;
                return null;
            }

            if (result.Status == TrainingStatus.Diverged)
            {
                StepRecord? last = result.History.LastOrDefault(h => double.IsFinite(h.Loss));
                string kept = last is null ? "the network it started from" : $"the last network with a finite loss (step {last.Step}, loss {SummaryTable.Figure(last.Loss)})";
                console.Error.WriteLine($"error: {spec.Name}: the {context.ModelName} diverged at step {result.DivergedAtStep} (the loss was no longer finite); kept {kept}. Its results are written with \"status\": \"diverged\".");
            }

            (kan, mlp) = model == ModelKind.Kan ? (result, mlp) : (kan, result);
        }

        return new ProblemOutcome(problem, kan, mlp) { Formula = Formula(problem, kan, options) };
    }

    private FormulaResult? Formula(CompiledProblem problem, TrainingResult? kan, RunOptions options)
    {
        if (kan is not { Status: TrainingStatus.Completed } || !options.WantsFormula(problem.Spec))
        {
            return null;
        }

        try
        {
            FormulaResult formula = SymbolicRegression.Extract(problem, kan, new SymbolicOptions { Seed = options.Seed });
            if (!options.Quiet)
            {
                console.Output.WriteLine(formula.Formula is null
                    ? $"{problem.Spec.Name}: no formula fits the KAN ({formula.Reason})."
                    : $"{problem.Spec.Name}: formula u = {formula.Formula} (relative L2 {SummaryTable.Figure(formula.RelativeL2)}, equation loss {SummaryTable.Figure(formula.EquationLoss)})");
            }

            return formula;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            console.Error.WriteLine($"error: {problem.Spec.Name}: extracting the formula failed: {e.Message}. The other results are written.");
            return null;
        }
    }

    private bool Save(RunOptions options, ProblemOutcome outcome, List<string> saved)
    {
        string folder = ResultsWriter.FolderFor(options.Out, outcome.Name);
        try
        {
            writer.Save(options.Out, outcome);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            console.Error.WriteLine($"error: {outcome.Name}: could not write the results to {folder}: {e.Message}. Any earlier results there are unchanged.");
            if (options.Verbose)
            {
                console.Error.WriteLine(e.ToString());
            }

            return false;
        }

        saved.Add(outcome.Name);
        console.PrintTable(SummaryTable.Create(outcome.Name, outcome.Models));
        console.Output.WriteLine($"Results: {folder}{Path.DirectorySeparatorChar} (open report.html)");
        return outcome.Models.All(m => m.Status == TrainingStatus.Completed);
    }

    private int Interrupted(RunOptions options, ProblemSpec spec, TrainingResult? reached, List<string> saved)
    {
        string folder = ResultsWriter.FolderFor(options.Out, spec.Name);
        string where = reached is null ? "" : $" ({Names.Name(reached.Model).ToUpperInvariant()} at step {reached.Steps})";
        string previous = Directory.Exists(folder) ? $"{folder} still holds the previous results, unchanged" : $"{folder} was not created";
        console.Error.WriteLine($"Interrupted while training {spec.Name}{where}. Nothing of this run of {spec.Name} was saved; {previous}.");
        console.Error.WriteLine(saved.Count == 0
            ? "No problem had finished before the interruption."
            : $"Saved before the interruption: {string.Join(", ", saved.Select(s => ResultsWriter.FolderFor(options.Out, s)))}.");
        return ExitCodes.Interrupted;
    }
}
