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
            throw new ArgumentException("symbolic formulas come from a single KAN of the variables (not a system, not a periodic input map)", nameof(kan));
        }

        var clock = Stopwatch.StartNew();
        TrainingData data = ProblemSolver.Data(problem, options.Seed ?? problem.Spec.Training.Seed);
        PointSet points = data.AllPoints();
        PrunedKan pruned = KanPruning.Prune(network, points, options.Pruning);
        bool anyPruned = pruned.Network.ParameterCount != network.ParameterCount || pruned.Kept.Any(l => l.Any(i => i.Any(k => !k)));
        if (anyPruned && options.RetrainSteps > 0)
        {
            // Retrain only when pruning cost accuracy: on a network that already solves the problem, LM would only
            // wander along the network's flat directions and blur edges that were clean functions.
            double before = new PinnLoss(network, data.Terms).Evaluate(network.Parameters, default);
            double after = new PinnLoss(pruned.Network, data.Terms).Evaluate(pruned.Network.Parameters, default);
            if (!(after <= options.RetrainAbove * before))
            {
                pruned = PrunedRetraining.Retrain(pruned, data.Terms, options.RetrainSteps).Network;
            }
        }

        double kanLoss = new PinnLoss(pruned.Network, data.Terms).Evaluate(pruned.Network.Parameters, default);
        (EdgeFit?[][][] fits, EdgeSelection?[][][] selections) = FitEdges(pruned, points, options.Selection);
        IReadOnlyList<int> width = pruned.Network.Widths;
        List<EdgeReport> edges = Reports(fits, selections);
        EdgeReport? spline = edges.FirstOrDefault(e => e.Fit is null);
        if (spline is not null)
        {
            string reason = $"no function of the library fits edge ({spline.Layer}, {spline.From}, {spline.To}): best R² {spline.BestRSquared:G6} < {options.Selection.MinimumRSquared}";
            return new FormulaResult(null, null, null, null, null, null, width, edges, reason, clock.Elapsed.TotalSeconds);
        }

        IReadOnlyList<string> names = problem.Spec.VariableNames;
        Node composed = FormulaComposer.Compose(problem.Box, names, fits);
        FormulaTerm[] terms = Terms(data);
        if (options.VerifyAlternatives > 0)
        {
            fits = ChooseByLoss(problem, fits, selections, terms, options);
            edges = Reports(fits, selections);
            composed = FormulaComposer.Compose(problem.Box, names, fits);
        }

        (Node formula, double loss) = FormulaRefit.Run(composed, names.Count, terms, options.RefitSteps, options.Rounds);
        string text = FormulaPrinter.Print(formula);
        if (!(loss <= options.MaxLossRatio * kanLoss))
        {
            string reason = $"the best formula found, u = {text}, has PINN loss {loss:G3} after its refit, more than {options.MaxLossRatio} times the pruned KAN's {kanLoss:G3}";
            return new FormulaResult(null, null, null, null, null, loss, width, edges, reason, clock.Elapsed.TotalSeconds);
        }

        return Measure(text, problem, data, width, edges, clock);
    }

    /// <summary>The loss terms of <paramref name="data"/> as residual expressions (for <see cref="FormulaObjective"/>).</summary>
    public static FormulaTerm[] Terms(TrainingData data) =>
        [.. data.Terms.Select(t => new FormulaTerm(((CompiledResidual)t.Residual).Expression, t.Points, t.Weight))];

    // Edges that no function fits exactly: try the other admissible candidates (simplest first, at most
    // options.VerifyAlternatives per edge), one edge at a time, and keep the one whose formula, refitted, has the lower loss.
    private static EdgeFit?[][][] ChooseByLoss(CompiledProblem problem, EdgeFit?[][][] fits, EdgeSelection?[][][] selections,
        FormulaTerm[] terms, SymbolicOptions options)
    {
        int d = problem.Spec.VariableNames.Count;
        double Score(EdgeFit?[][][] candidate)
        {
            Node composed = FormulaSimplifier.Simplify(FormulaComposer.Compose(problem.Box, problem.Spec.VariableNames, candidate));
            FormulaTemplate template = FormulaTemplate.From(composed, d);
            return FormulaRefit.Fit(template, template.Values, [.. Enumerable.Range(0, template.Count)], terms, options.RefitSteps).Loss;
        }

        double current = double.NaN;
        for (int l = 0; l < fits.Length; l++)
        {
            for (int i = 0; i < fits[l].Length; i++)
            {
                for (int o = 0; o < fits[l][i].Length; o++)
                {
                    if (selections[l][i][o] is not { } selection || fits[l][i][o] is not { } chosen || 1 - chosen.RSquared <= options.Selection.ExactTolerance)
                    {
                        continue;
                    }

                    var alternatives = selection.Candidates
                        .Where(c => c.Function != chosen.Function && c.RSquared >= options.Selection.MinimumRSquared)
                        .OrderBy(c => SymbolicFunctions.Complexity(c.Function)).ThenByDescending(c => c.RSquared)
                        .Take(options.VerifyAlternatives);
                    foreach (EdgeFit alternative in alternatives)
                    {
                        current = double.IsNaN(current) ? Score(fits) : current;
                        EdgeFit?[][][] trial = [.. fits.Select(layer => layer.Select(row => (EdgeFit?[])row.Clone()).ToArray())];
                        trial[l][i][o] = alternative;
                        double score = Score(trial);
                        if (score < current)
                        {
                            (fits, current) = (trial, score);
                        }
                    }
                }
            }
        }

        return fits;
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
        FormulaTerm[] terms = Terms(data);
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

    private static List<EdgeReport> Reports(EdgeFit?[][][] fits, EdgeSelection?[][][] selections)
    {
        var edges = new List<EdgeReport>();
        for (int l = 0; l < fits.Length; l++)
        {
            for (int i = 0; i < fits[l].Length; i++)
            {
                for (int o = 0; o < fits[l][i].Length; o++)
                {
                    EdgeSelection? s = selections[l][i][o];
                    double best = s is null ? 1 : s.Candidates.Count == 0 ? double.NaN : s.Candidates.Max(c => c.RSquared);
                    edges.Add(new EdgeReport(l, i, o, fits[l][i][o], best));
                }
            }
        }

        return edges;
    }

    private static (EdgeFit?[][][], EdgeSelection?[][][]) FitEdges(PrunedKan pruned, PointSet points, SelectionRule rule)
    {
        KanNetwork network = pruned.Network;
        EdgeSamples samples = EdgeSamples.Measure(network, points);
        var fits = new EdgeFit?[network.Layers.Count][][];
        var selections = new EdgeSelection?[network.Layers.Count][][];
        for (int l = 0; l < network.Layers.Count; l++)
        {
            KanLayer layer = network.Layers[l];
            fits[l] = new EdgeFit?[layer.InputCount][];
            selections[l] = new EdgeSelection?[layer.InputCount][];
            for (int i = 0; i < layer.InputCount; i++)
            {
                fits[l][i] = new EdgeFit?[layer.OutputCount];
                selections[l][i] = new EdgeSelection?[layer.OutputCount];
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    if (!pruned.IsKept(l, i, o))
                    {
                        fits[l][i][o] = new EdgeFit(SymbolicFunction.Zero, 0, 0, 0, 0, 1);
                        continue;
                    }

                    EdgeSelection selection = FunctionFitter.Select(samples.Inputs(l, i), samples.Values(l, i, o), rule);
                    fits[l][i][o] = selection.Chosen;
                    selections[l][i][o] = selection;
                }
            }
        }

        return (fits, selections);
    }
}
