using System.Diagnostics;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Symbolic;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Expressions;
using KanPde.Problems.Expressions.Compilation;
using KanPde.Problems.Solving;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// From a trained KAN to a formula checked against the PDE: prune by attribution and retrain briefly; fit every
/// kept edge with the function library (<see cref="FunctionFitter"/>); compose, simplify, refit all constants
/// against the PINN loss and round those the loss allows (<see cref="FormulaRefit"/>); print it in the problem-file
/// language, parse it back with our parser, and measure what was parsed.
/// </summary>
public static class SymbolicRegression
{
    /// <summary>The formula of <paramref name="kan"/> (a trained KAN of <paramref name="problem"/>) and its errors.</summary>
    public static FormulaResult Extract(CompiledProblem problem, TrainingResult kan, SymbolicOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(kan);
        ArgumentNullException.ThrowIfNull(options);
        if (kan.Network is not KanNetwork network)
        {
            throw new ArgumentException("Symbolic formulas come from a KAN.", nameof(kan));
        }

        var clock = Stopwatch.StartNew();
        TrainingData data = ProblemSolver.Data(problem, options.Seed ?? problem.Spec.Training.Seed);
        PointSet points = data.AllPoints();
        PrunedKan pruned = KanPruning.Prune(network, points, options.Pruning);
        bool anyPruned = pruned.Network.ParameterCount != network.ParameterCount || pruned.Kept.Any(l => l.Any(i => i.Any(k => !k)));
        if (anyPruned)
        {
            pruned = PrunedRetraining.Retrain(pruned, data.Terms, options.RetrainSteps).Network;
        }

        (EdgeFit?[][][] fits, List<EdgeReport> edges) = FitEdges(pruned, points, options.Selection);
        IReadOnlyList<int> width = pruned.Network.Widths;
        EdgeReport? spline = edges.FirstOrDefault(e => e.Fit is null);
        if (spline is not null)
        {
            string reason = $"no function of the library fits edge ({spline.Layer}, {spline.From}, {spline.To}): best R² {spline.BestRSquared:G6} < {options.Selection.MinimumRSquared}";
            return new FormulaResult(null, null, null, null, null, null, width, edges, reason, clock.Elapsed.TotalSeconds);
        }

        IReadOnlyList<string> names = problem.Spec.VariableNames;
        Node composed = FormulaComposer.Compose(problem.Box, names, fits);
        FormulaTerm[] terms = [.. data.Terms.Select(t => new FormulaTerm(((CompiledResidual)t.Residual).Expression, t.Points, t.Weight))];
        (Node formula, _) = FormulaRefit.Run(composed, names.Count, terms, options.RefitSteps, options.Rounds);
        string text = FormulaPrinter.Print(formula);
        return Measure(text, problem, data, width, edges, clock);
    }

    /// <summary>Parses <paramref name="text"/> with the problem-file parser and measures it: errors against exact, PDE residual, loss.</summary>
    public static FormulaResult Measure(string text, CompiledProblem problem, TrainingData data, IReadOnlyList<int> width,
        IReadOnlyList<EdgeReport> edges, Stopwatch? clock = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(data);
        Node parsed = Parse(text, problem.Spec.VariableNames);
        int d = problem.Spec.VariableNames.Count;
        FormulaTerm[] terms = [.. data.Terms.Select(t => new FormulaTerm(((CompiledResidual)t.Residual).Expression, t.Points, t.Weight))];
        double loss = FormulaRefit.Loss(parsed, d, terms);
        FormulaTerm equation = terms[0] with { Weight = 1 };
        double equationLoss = FormulaRefit.Loss(parsed, d, [equation]);
        ErrorMetrics? errors = null;
        if (data.EvaluationPoints is { } grid && data.ExactValues is { } exact)
        {
            double[] values = new PointFunction(parsed).Evaluate(grid);
            errors = NetworkEvaluation.Errors(values, exact.ToArray());
        }

        return new FormulaResult(text, errors?.Mse, errors?.RelativeL2, errors?.MaxAbsError, equationLoss, loss, width, edges, null,
            clock?.Elapsed.TotalSeconds ?? 0);
    }

    /// <summary>Parses a formula of the problem's variables with the problem-file parser; throws when it does not parse.</summary>
    public static Node Parse(string text, IReadOnlyList<string> variables)
    {
        var scope = new Scope { Variables = variables, AllowVariables = true, Place = "the formula", Allowed = "numbers and the variables" };
        return Binder.ParseAndBind(text, scope, out IReadOnlyList<ExpressionError> errors)
            ?? throw new InvalidOperationException($"The formula does not parse: {string.Join("; ", errors.Select(e => e.ToString()))}");
    }

    private static (EdgeFit?[][][], List<EdgeReport>) FitEdges(PrunedKan pruned, PointSet points, SelectionRule rule)
    {
        KanNetwork network = pruned.Network;
        EdgeSamples samples = EdgeSamples.Measure(network, points);
        var fits = new EdgeFit?[network.Layers.Count][][];
        var edges = new List<EdgeReport>();
        for (int l = 0; l < network.Layers.Count; l++)
        {
            KanLayer layer = network.Layers[l];
            fits[l] = new EdgeFit?[layer.InputCount][];
            for (int i = 0; i < layer.InputCount; i++)
            {
                fits[l][i] = new EdgeFit?[layer.OutputCount];
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    if (!pruned.IsKept(l, i, o))
                    {
                        var zero = new EdgeFit(SymbolicFunction.Zero, 0, 0, 0, 0, 1);
                        fits[l][i][o] = zero;
                        edges.Add(new EdgeReport(l, i, o, zero, 1));
                        continue;
                    }

                    EdgeSelection selection = FunctionFitter.Select(samples.Inputs(l, i), samples.Values(l, i, o), rule);
                    fits[l][i][o] = selection.Chosen;
                    double best = selection.Candidates.Count == 0 ? double.NaN : selection.Candidates.Max(c => c.RSquared);
                    edges.Add(new EdgeReport(l, i, o, selection.Chosen, best));
                }
            }
        }

        return (fits, edges);
    }
}
