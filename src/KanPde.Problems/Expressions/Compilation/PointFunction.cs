using KanPde.Core.Sampling;

namespace KanPde.Problems.Expressions.Compilation;

/// <summary>A compiled expression of the variables alone (an exact solution, a source term).</summary>
public sealed class PointFunction
{
    private readonly BlockProgram _program;

    /// <summary>Compiles <paramref name="expression"/>, which must not read u.</summary>
    public PointFunction(Node expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.HasFields)
        {
            throw new ArgumentException("A point function cannot read u.", nameof(expression));
        }

        Expression = expression;
        _program = ProgramBuilder.Compile([expression], VariableInput);
    }

    /// <summary>The expression compiled.</summary>
    public Node Expression { get; }

    /// <summary>The value at every point.</summary>
    public double[] Evaluate(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = new double[points.Count];
        BlockRunner.RunOverPoints(_program, points, values);
        return values;
    }

    internal static Operand? VariableInput(Node node) =>
        node is VariableNode v ? new Operand(OperandKind.InputA, v.Index) : null;
}
