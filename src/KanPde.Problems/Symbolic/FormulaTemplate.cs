using KanPde.Problems.Expressions;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// A formula with its fitted constants made parameters: constant j becomes the leaf
/// <c>VariableNode(VariableCount + j)</c>, so the expression engine differentiates by it like by a variable.
/// Integer exponents and constants that are already nice numbers (<see cref="NiceNumbers"/>) stay fixed.
/// </summary>
public sealed record FormulaTemplate(Node Template, int VariableCount, double[] Values)
{
    /// <summary>Number of parameters.</summary>
    public int Count => Values.Length;

    /// <summary>Makes the constants of <paramref name="formula"/> parameters.</summary>
    public static FormulaTemplate From(Node formula, int variableCount)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var values = new List<double>();
        Node template = Walk(formula);
        return new FormulaTemplate(template, variableCount, [.. values]);

        Node Walk(Node node) => node switch
        {
            ConstantNode c when !IsFixed(c.Value) => Parameter(c.Value),
            NegateNode n => new NegateNode(Walk(n.Operand)),
            BinaryNode { Operator: BinaryOperator.Power, Right: ConstantNode } b => new BinaryNode(b.Operator, Walk(b.Left), b.Right),
            BinaryNode b => new BinaryNode(b.Operator, Walk(b.Left), Walk(b.Right)),
            CallNode call => new CallNode(call.Function, Walk(call.Argument), call.Second is null ? null : Walk(call.Second)),
            _ => node,
        };

        Node Parameter(double value)
        {
            values.Add(value);
            return new VariableNode(variableCount + values.Count - 1, "θ" + (values.Count - 1));
        }
    }

    /// <summary>Whether parameter leaf <paramref name="node"/> is one of this template's parameters; its index.</summary>
    public int IndexOf(Node node) => node is VariableNode v && v.Index >= VariableCount ? v.Index - VariableCount : -1;

    /// <summary>The formula with parameter values <paramref name="values"/> (all of them) put back, simplified by the factories.</summary>
    public Node Bind(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Template.Substitute(leaf => IndexOf(leaf) is int j && j >= 0 ? Node.Number(values[j]) : null);
    }

    /// <summary>The template with the parameters not in <paramref name="free"/> replaced by their values.</summary>
    public Node Partial(IReadOnlyList<double> values, IReadOnlySet<int> free)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(free);
        return Template.Substitute(leaf => IndexOf(leaf) is int j && j >= 0 && !free.Contains(j) ? Node.Number(values[j]) : null);
    }

    private static bool IsFixed(double value) => NiceNumbers.IsNice(value);
}
