using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Solving;

/// <summary>One unknown's errors on the evaluation grid, or null when it has no exact solution.</summary>
public sealed record UnknownErrors(string Name, ErrorMetrics? Errors);

/// <summary>A trained parameter: its final value, where it started and, when known, its true value.</summary>
public sealed record ParameterValue(string Name, double Value, double Initial, double? Exact)
{
    /// <summary>|value − exact| / |exact|; null without an exact value or when it is 0.</summary>
    public double? RelativeError => Exact is { } e && e != 0 ? Math.Abs(Value - e) / Math.Abs(e) : null;
}

/// <summary>The figures of a system of unknowns and parameters (docs/results-format.md): per unknown, per parameter.</summary>
public static class SystemResults
{
    /// <summary>
    /// Each unknown's errors on the evaluation grid. <paramref name="network"/> is a <see cref="SystemNetwork"/> with one
    /// part per unknown, or the single network of a problem of u alone.
    /// </summary>
    public static IReadOnlyList<UnknownErrors> Unknowns(CompiledProblem problem, INetwork network)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(network);
        PointSet grid = problem.EvaluationGrid();
        var result = new List<UnknownErrors>();
        for (int k = 0; k < problem.Spec.Unknowns.Count; k++)
        {
            if (problem.Exacts[k] is not { } exact)
            {
                result.Add(new UnknownErrors(problem.Spec.Unknowns[k], null));
                continue;
            }

            INetwork part = network is SystemNetwork system ? system.Unknown(k) : network;
            double[] values = NetworkEvaluation.Values(part, grid);
            result.Add(new UnknownErrors(problem.Spec.Unknowns[k], NetworkEvaluation.Errors(values, exact.Evaluate(grid))));
        }

        return result;
    }

    /// <summary>Each parameter's final value (from <paramref name="network"/>), initial and exact value.</summary>
    public static IReadOnlyList<ParameterValue> Parameters(ProblemSpec spec, INetwork network)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(network);
        if (spec.Parameters.Count == 0)
        {
            return [];
        }

        var system = network as SystemNetwork ?? throw new ArgumentException("A problem with parameters is trained as a SystemNetwork.", nameof(network));
        return [.. spec.Parameters.Select((p, j) => new ParameterValue(p.Name, system.Constant(j), p.Initial, p.Exact))];
    }
}
