using KanPde.Core.Optimization;
using KanPde.Problems.Expressions;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// Refits a formula's constants against the PINN loss (Levenberg–Marquardt on <see cref="FormulaObjective"/>) and
/// rounds constants to nice values (<see cref="NiceNumbers"/>) only where the loss, refitted with the rounded value
/// held fixed, is not worse: L_rounded ≤ L·(1 + <see cref="RoundingSlack"/>) + 1e-30.
/// </summary>
public static class FormulaRefit
{
    /// <summary>Relative slack of "not worse" (the loss's own rounding noise).</summary>
    public const double RoundingSlack = 1e-6;

    /// <summary>Refits, rounds, simplifies, and repeats while the formula changes (at most <paramref name="rounds"/> times).</summary>
    public static (Node Formula, double Loss) Run(Node formula, int variableCount, IReadOnlyList<FormulaTerm> terms, int steps, int rounds = 3)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(terms);
        Node current = FormulaSimplifier.Simplify(formula);
        double loss = double.NaN;
        for (int round = 0; round < rounds; round++)
        {
            FormulaTemplate template = FormulaTemplate.From(current, variableCount);
            (double[] values, double fitted) = Fit(template, template.Values, [.. Enumerable.Range(0, template.Count)], terms, steps);
            (values, loss) = Round(template, values, fitted, terms, steps);
            Node next = FormulaSimplifier.Simplify(template.Bind(values));
            bool same = next.Equals(current);
            current = next;
            if (same)
            {
                break;
            }
        }

        return (current, Loss(current, variableCount, terms));
    }

    /// <summary>The PINN loss of a formula without free parameters.</summary>
    public static double Loss(Node formula, int variableCount, IReadOnlyList<FormulaTerm> terms)
    {
        var template = new FormulaTemplate(formula, variableCount, []);
        return new FormulaObjective(template, [], [], terms).Evaluate([], default);
    }

    /// <summary>LM on the free parameters from <paramref name="values"/>; returns all values and the loss.</summary>
    public static (double[] Values, double Loss) Fit(FormulaTemplate template, IReadOnlyList<double> values, IReadOnlyList<int> free,
        IReadOnlyList<FormulaTerm> terms, int steps)
    {
        ArgumentNullException.ThrowIfNull(template);
        var objective = new FormulaObjective(template, values, free, terms);
        double[] x = objective.Start();
        double loss = objective.Evaluate(x, default);
        if (free.Count == 0 || !double.IsFinite(loss))
        {
            return (objective.Full(x), loss);
        }

        var optimizer = new LevenbergMarquardt(objective);
        double[] best = [.. x];
        for (int k = 0; k < steps; k++)
        {
            OptimizerStep step = optimizer.Step(x);
            if (!double.IsFinite(step.Loss))
            {
                break;
            }

            if (step.Loss < loss)
            {
                loss = step.Loss;
                x.CopyTo(best, 0);
            }

            if (step.Stalled || loss == 0)
            {
                break;
            }
        }

        return (objective.Full(best), loss);
    }

    private static (double[] Values, double Loss) Round(FormulaTemplate template, double[] values, double loss,
        IReadOnlyList<FormulaTerm> terms, int steps)
    {
        var nice = new Dictionary<int, double>();
        for (int j = 0; j < values.Length; j++)
        {
            if (NiceNumbers.Nearest(values[j]) is double v)
            {
                nice[j] = v;
            }
        }

        if (nice.Count == 0)
        {
            return (values, loss);
        }

        double[] current = values;
        (double[] all, double allLoss) = Trial(nice.Keys);
        if (NotWorse(allLoss, loss))
        {
            return (all, allLoss);
        }

        var fixedSoFar = new List<int>();
        foreach (int j in nice.Keys.OrderBy(j => Math.Abs(values[j] - nice[j]) / Math.Max(1, Math.Abs(values[j]))))
        {
            (double[] tried, double triedLoss) = Trial([.. fixedSoFar, j]);
            if (NotWorse(triedLoss, loss))
            {
                fixedSoFar.Add(j);
                (current, loss) = (tried, triedLoss);
            }
        }

        return (current, loss);

        (double[], double) Trial(IEnumerable<int> rounded)
        {
            var set = rounded.ToHashSet();
            double[] start = [.. current];
            foreach (int j in set)
            {
                start[j] = nice[j];
            }

            return Fit(template, start, [.. Enumerable.Range(0, values.Length).Where(j => !set.Contains(j))], terms, steps);
        }
    }

    private static bool NotWorse(double candidate, double reference) =>
        double.IsFinite(candidate) && candidate <= reference * (1 + RoundingSlack) + 1e-30;
}
