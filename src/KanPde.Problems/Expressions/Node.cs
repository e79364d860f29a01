using System.Globalization;
using KanPde.Core.Derivatives;

namespace KanPde.Problems.Expressions;

/// <summary>
/// A bound, immutable expression tree: names are resolved to numbers, variables (by index) and terms of
/// u; definitions are substituted. Equality is structural. Build nodes with the factories in
/// <c>Node.Factories.cs</c>, which fold constants and drop trivial operations.
/// </summary>
public abstract partial record Node
{
    /// <summary>Whether the tree reads u or any of its derivatives.</summary>
    public abstract bool HasFields { get; }

    /// <summary>An infix rendering that parses back to the same tree.</summary>
    public sealed override string ToString() => NodePrinter.Print(this);
}

/// <summary>A number.</summary>
public sealed record ConstantNode(double Value) : Node
{
    /// <inheritdoc/>
    public override bool HasFields => false;
}

/// <summary>Variable number <paramref name="Index"/> in the problem's order of variables.</summary>
public sealed record VariableNode(int Index, string Name) : Node
{
    /// <inheritdoc/>
    public override bool HasFields => false;
}

/// <summary>
/// A term of an unknown (u, u_x, v_xy, ...), written <paramref name="Name"/> in the problem; or, with
/// <paramref name="IsParameter"/>, a trainable parameter (read as a further output whose derivatives vanish).
/// </summary>
public sealed record FieldNode(DerivativeTerm Term, string Name, bool IsParameter = false) : Node
{
    /// <inheritdoc/>
    public override bool HasFields => true;
}

/// <summary>−Operand.</summary>
public sealed record NegateNode(Node Operand) : Node
{
    /// <inheritdoc/>
    public override bool HasFields { get; } = Operand.HasFields;
}

/// <summary>The arithmetic operators.</summary>
public enum BinaryOperator
{
    /// <summary>a + b</summary>
    Add,

    /// <summary>a − b</summary>
    Subtract,

    /// <summary>a · b</summary>
    Multiply,

    /// <summary>a / b</summary>
    Divide,

    /// <summary>a ^ b</summary>
    Power,
}

/// <summary>Left ∘ Right.</summary>
public sealed record BinaryNode(BinaryOperator Operator, Node Left, Node Right) : Node
{
    /// <inheritdoc/>
    public override bool HasFields { get; } = Left.HasFields || Right.HasFields;
}

/// <summary>A function of one argument, or of two (<paramref name="Second"/> set) for min and max.</summary>
public sealed record CallNode(FunctionKind Function, Node Argument, Node? Second = null) : Node
{
    /// <inheritdoc/>
    public override bool HasFields { get; } = Argument.HasFields || (Second?.HasFields ?? false);
}

/// <summary>Renders nodes with the fewest parentheses that keep the meaning.</summary>
internal static class NodePrinter
{
    public static string Print(Node node) => node switch
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

    private static string Binary(BinaryNode b) => b.Operator switch
    {
        BinaryOperator.Add => $"{Wrap(b.Left, 1)} + {Wrap(b.Right, 1)}",
        BinaryOperator.Subtract => $"{Wrap(b.Left, 1)} - {Wrap(b.Right, 2)}",
        BinaryOperator.Multiply => $"{Wrap(b.Left, 2)}*{Wrap(b.Right, 3)}",
        BinaryOperator.Divide => $"{Wrap(b.Left, 2)}/{Wrap(b.Right, 3)}",
        _ => $"{Wrap(b.Left, 5)}^{Wrap(b.Right, 3)}",
    };

    private static string Wrap(Node node, int minimum) =>
        Precedence(node) >= minimum ? Print(node) : $"({Print(node)})";

    private static int Precedence(Node node) => node switch
    {
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
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
