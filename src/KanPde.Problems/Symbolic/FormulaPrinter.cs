using System.Globalization;
using KanPde.Problems.Expressions;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// Writes an expression in the problem-file language with the fewest parentheses that keep its meaning, multiples
/// of π as <c>pi</c> (<see cref="NiceNumbers.Text"/>), other numbers in round-trip form. The text parses back to a
/// tree with exactly the same numbers.
/// </summary>
public static class FormulaPrinter
{
    /// <summary>The text of <paramref name="node"/>.</summary>
    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            ConstantNode c => Number(c.Value),
            VariableNode v => v.Name,
            FieldNode f => f.Name,
            NegateNode n => "-" + Wrap(n.Operand, 3),
            BinaryNode b => Binary(b),
            CallNode c => c.Second is null
                ? $"{Functions.Name(c.Function)}({Print(c.Argument)})"
                : $"{Functions.Name(c.Function)}({Print(c.Argument)}, {Print(c.Second)})",
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
    }

    private static string Binary(BinaryNode b) => b.Operator switch
    {
        BinaryOperator.Add => $"{Wrap(b.Left, 1)} + {Wrap(b.Right, 1)}",
        BinaryOperator.Subtract => $"{Wrap(b.Left, 1)} - {Wrap(b.Right, 2)}",
        BinaryOperator.Multiply => $"{Wrap(b.Left, 2)}*{Wrap(b.Right, 3)}",
        BinaryOperator.Divide => $"{Wrap(b.Left, 2)}/{Wrap(b.Right, 3)}",
        _ => $"{Wrap(b.Left, 5)}^{Wrap(b.Right, 3)}",
    };

    private static string Wrap(Node node, int minimum) => Precedence(node) >= minimum ? Print(node) : $"({Print(node)})";

    private static int Precedence(Node node) => node switch
    {
        ConstantNode c when NiceNumbers.Text(c.Value) is { } text => text.Contains('*') || text.Contains('/') || text.Contains('^') ? 2 : text.StartsWith('-') ? 3 : 5,
        ConstantNode c => c.Value < 0 || double.IsNegative(c.Value) ? 3 : 5,
        NegateNode => 3,
        BinaryNode b => b.Operator switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract => 1,
            BinaryOperator.Multiply or BinaryOperator.Divide => 2,
            _ => 4,
        },
        _ => 5,
    };

    private static string Number(double value) =>
        NiceNumbers.Text(value) ?? (double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture));
}
