using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Problems.Expressions.Compilation;

/// <summary>
/// A residual ρ = LHS − RHS compiled for the training loop, with its partial derivatives ∂ρ/∂(term of u)
/// found symbolically. Sub-expressions of the point alone are computed once in <see cref="Prepare"/>;
/// <see cref="IResidualEvaluator.Evaluate"/> runs a short instruction list over blocks of points.
/// </summary>
public sealed class CompiledResidual : IResidual
{
    private readonly BlockProgram _evaluate;
    private readonly BlockProgram _prepare;

    /// <summary>Compiles the residual <paramref name="expression"/>.</summary>
    public CompiledResidual(Node expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
        Terms = expression.Fields();
        Partials = [.. Terms.Select(expression.DifferentiateByField)];

        var pointOnly = new List<Node>();
        var pointIndex = new Dictionary<Node, int>();
        Operand? Input(Node node)
        {
            if (node is FieldNode field)
            {
                return new Operand(OperandKind.InputB, IndexOf(field.Term));
            }

            if (node.HasFields || node is ConstantNode)
            {
                return null;
            }

            if (!pointIndex.TryGetValue(node, out int index))
            {
                index = pointOnly.Count;
                pointOnly.Add(node);
                pointIndex[node] = index;
            }

            return new Operand(OperandKind.InputA, index);
        }

        _evaluate = ProgramBuilder.Compile([expression, .. Partials], Input);
        _prepare = ProgramBuilder.Compile(pointOnly, PointFunction.VariableInput);
    }

    /// <summary>ρ as an expression tree.</summary>
    public Node Expression { get; }

    /// <inheritdoc/>
    public IReadOnlyList<DerivativeTerm> Terms { get; }

    /// <summary>∂ρ/∂Terms[t], simplified.</summary>
    public IReadOnlyList<Node> Partials { get; }

    /// <summary>Instructions run per block (a measure of the per-point cost).</summary>
    public int InstructionCount => _evaluate.Code.Length;

    /// <summary>Point-only values computed once per point set.</summary>
    public int PrecomputedCount => _prepare.Outputs.Length;

    /// <inheritdoc/>
    public IResidualEvaluator Prepare(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var precomputed = new double[_prepare.Outputs.Length * points.Count];
        if (_prepare.Outputs.Length > 0)
        {
            BlockRunner.RunOverPoints(_prepare, points, precomputed);
        }

        return new ResidualEvaluator(_evaluate, Terms.Count, precomputed, points.Count);
    }

    private int IndexOf(DerivativeTerm term)
    {
        for (int t = 0; t < Terms.Count; t++)
        {
            if (Terms[t] == term)
            {
                return t;
            }
        }

        throw new InvalidOperationException($"Term {term} is not read by the residual.");
    }
}
