using KanPde.Core;
using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;
using KanPde.Problems.Expressions;
using KanPde.Problems.Expressions.Compilation;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Compilation;

/// <summary>How well the exact solution satisfies one equation of the problem.</summary>
/// <param name="Equation">"the equation" or "condition 2 (x = -1, x = 1)".</param>
/// <param name="MaxResidual">Largest |LHS − RHS| at the sample points.</param>
/// <param name="Scale">Largest magnitude of any additive term of LHS or RHS, over the box and the sample points.</param>
/// <param name="WorstPoint">Coordinates where the residual is largest.</param>
public sealed record ExactCheckResult(string Equation, double MaxResidual, double Scale, IReadOnlyList<double> WorstPoint)
{
    /// <summary>MaxResidual / Scale (or MaxResidual when every term vanishes); NaN when not finite somewhere.</summary>
    public double Relative => Scale > 0 ? MaxResidual / Scale : MaxResidual;
}

/// <summary>
/// Evaluates the equation and every condition at the exact solution, its derivatives taken
/// symbolically, at sample points: interior points for the equation, points on the faces for each
/// condition. The residual is measured relative to the size of the terms: the largest magnitude of any
/// additive term of either side, over the sample points and the interior (so that u = 0 on a face is
/// measured against the size of u in the box, not against zero).
/// </summary>
public static class ExactSolutionCheck
{
    /// <summary>The default relative tolerance.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>
    /// The results for each equation and each condition, or null when the problem has no exact solution. In a system, an
    /// equation or condition that reads an unknown without an exact solution, or a parameter without an exact value,
    /// cannot be checked and is left out.
    /// </summary>
    public static IReadOnlyList<ExactCheckResult>? Run(ProblemSpec spec, int interiorPoints = 256, int pointsPerFace = 64)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Exacts.All(e => e is null))
        {
            return null;
        }

        var box = new Box([.. spec.Variables.Select(v => v.Low)], [.. spec.Variables.Select(v => v.High)]);
        PointSet interior = spec.Domain is null
            ? Collocation.Interior(box, interiorPoints, SamplingMethod.Halton, spec.Training.Seed)
            : Core.Geometry.ShapeSampling.Interior(spec.Domain, interiorPoints, SamplingMethod.Halton, spec.Training.Seed);
        var derivatives = new Dictionary<DerivativeTerm, Node>();
        Node? Field(FieldNode field)
        {
            DerivativeTerm term = field.Term;
            if (field.IsParameter)
            {
                double? value = spec.Parameters[term.Unknown - spec.Unknowns.Count].Exact;
                return value is { } v ? Node.Number(v) : null;
            }

            if (spec.Exacts[term.Unknown] is not { } exact)
            {
                return null;
            }

            if (!derivatives.TryGetValue(term, out Node? node))
            {
                node = exact.Expression;
                if (term.Order >= 1)
                {
                    node = node.DifferentiateByVariable(term.First, spec.VariableNames);
                }

                if (term.Order == 2)
                {
                    node = node.DifferentiateByVariable(term.Second, spec.VariableNames);
                }

                derivatives[term] = node;
            }

            return node;
        }

        var results = new List<ExactCheckResult>();
        for (int e = 0; e < spec.Equations.Count; e++)
        {
            string name = spec.Equations.Count == 1 ? "the equation" : $"equation {e + 1}: {spec.Equations[e].Text}";
            if (Check(name, spec.Equations[e], interior, interior, Field) is { } result)
            {
                results.Add(result);
            }
        }

        for (int c = 0; c < spec.Conditions.Count; c++)
        {
            ConditionSpec condition = spec.Conditions[c];
            // Normals follow the points as d more coordinates, where u_n reads them (zero inside: they only set the scale).
            BoundaryPoints boundary = BoundaryPlaces.Sample(box, spec.Domain, condition, pointsPerFace, SamplingMethod.Halton, spec.Training.Seed, 0);
            PointSet faces = BoundaryPlaces.WithNormals(boundary.Points, boundary.Normals);
            PointSet inside = BoundaryPlaces.WithNormals(interior, new double[interior.Dimension * interior.Count]);
            string name = $"condition {c + 1} ({string.Join(", ", condition.Places)}): {condition.Equation.Text}";
            if (Check(name, condition.Equation, faces, inside, Field) is { } result)
            {
                results.Add(result with { WorstPoint = [.. result.WorstPoint.Take(box.Dimension)] });
            }
        }

        foreach (int k in spec.Periodic)
        {
            results.AddRange(PeriodicCheck(spec, box, k, pointsPerFace, interior));
        }

        return results;
    }

    // Periodic in variable k: each exact solution and its derivative along k agree on the faces k = low and k = high.
    private static IEnumerable<ExactCheckResult> PeriodicCheck(ProblemSpec spec, Box box, int k, int count, PointSet interior)
    {
        PointSet low = Collocation.Face(box, k, high: false, count, SamplingMethod.Halton, spec.Training.Seed, 900 + k);
        double[] coordinates = low.Coordinates.ToArray();
        coordinates.AsSpan(k * low.Count, low.Count).Fill(box.High[k]);
        var high = new PointSet(low.Dimension, coordinates);
        for (int u = 0; u < spec.Exacts.Count; u++)
        {
            if (spec.Exacts[u] is not { } exact)
            {
                continue;
            }

            string unknown = spec.Unknowns[u], variable = spec.VariableNames[k];
            foreach ((string what, Node node) in new[] { (unknown, exact.Expression), ($"{unknown}_{variable}", exact.Expression.DifferentiateByVariable(k, spec.VariableNames)) })
            {
                var function = new PointFunction(node);
                double[] a = function.Evaluate(low), b = function.Evaluate(high);
                int worst = 0;
                double max = 0, scale = function.Evaluate(interior).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
                for (int p = 0; p < a.Length; p++)
                {
                    double r = Math.Abs(a[p] - b[p]);
                    scale = Math.Max(scale, Math.Max(Math.Abs(a[p]), Math.Abs(b[p])));
                    if (!(r <= max))
                    {
                        (max, worst) = (r, p);
                    }
                }

                yield return new ExactCheckResult($"periodic in {variable}: {what} at {variable} = {ExpressionFormat(box.Low[k])} and {ExpressionFormat(box.High[k])}",
                    max, Math.Max(scale, 1e-300), [.. Enumerable.Range(0, low.Dimension).Select(c => low.Coordinate(c)[worst])]);
            }
        }
    }

    private static string ExpressionFormat(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    private static ExactCheckResult? Check(string name, EquationSpec equation, PointSet points, PointSet interior, Func<FieldNode, Node?> field)
    {
        List<FieldNode> fields = [.. Leaves(equation.Left).Concat(Leaves(equation.Right))];
        if (fields.Any(f => field(f) is null))
        {
            return null;
        }

        Node Substitute(Node node) => node.Substitute(leaf => leaf is FieldNode f ? field(f) : null);
        var terms = new List<(double Sign, Node Term)>();
        Flatten(equation.Left, 1, terms);
        Flatten(equation.Right, -1, terms);

        var residual = new double[points.Count];
        double scale = 0;
        foreach ((double sign, Node term) in terms)
        {
            var function = new PointFunction(Substitute(term));
            double[] values = function.Evaluate(points);
            for (int p = 0; p < values.Length; p++)
            {
                residual[p] += sign * values[p];
                scale = Math.Max(scale, Math.Abs(values[p]));
            }

            foreach (double value in function.Evaluate(interior))
            {
                scale = double.IsFinite(value) ? Math.Max(scale, Math.Abs(value)) : scale;
            }
        }

        int worst = 0;
        double max = 0;
        for (int p = 0; p < residual.Length; p++)
        {
            double r = Math.Abs(residual[p]);
            if (!double.IsFinite(r))
            {
                worst = p;
                max = double.NaN;
                break;
            }

            if (r > max)
            {
                max = r;
                worst = p;
            }
        }

        double[] at = [.. Enumerable.Range(0, points.Dimension).Select(k => points.Coordinate(k)[worst])];
        return new ExactCheckResult(name, max, scale, at);
    }

    private static IEnumerable<FieldNode> Leaves(Node node) => node switch
    {
        FieldNode f => [f],
        NegateNode n => Leaves(n.Operand),
        BinaryNode b => Leaves(b.Left).Concat(Leaves(b.Right)),
        CallNode c => c.Second is null ? Leaves(c.Argument) : Leaves(c.Argument).Concat(Leaves(c.Second)),
        _ => [],
    };

    // Splits a side of an equation into its additive terms, with their signs.
    private static void Flatten(Node node, double sign, List<(double, Node)> terms)
    {
        switch (node)
        {
            case BinaryNode { Operator: BinaryOperator.Add } add:
                Flatten(add.Left, sign, terms);
                Flatten(add.Right, sign, terms);
                break;
            case BinaryNode { Operator: BinaryOperator.Subtract } sub:
                Flatten(sub.Left, sign, terms);
                Flatten(sub.Right, -sign, terms);
                break;
            case NegateNode negate:
                Flatten(negate.Operand, -sign, terms);
                break;
            default:
                terms.Add((sign, node));
                break;
        }
    }
}
