using KanPde.Core.Derivatives;

namespace KanPde.Problems.Expressions;

public abstract partial record Node
{
    /// <summary>
    /// The value at one point, by walking the tree (a reference for tests and constant folding; the
    /// training loop uses compiled programs). <paramref name="field"/> supplies terms of u.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> variables, Func<DerivativeTerm, double>? field = null)
    {
        switch (this)
        {
            case ConstantNode c:
                return c.Value;
            case VariableNode v:
                return variables[v.Index];
            case FieldNode f:
                return field is null
                    ? throw new InvalidOperationException($"No value was given for {f.Name}.")
                    : field(f.Term);
            case NegateNode n:
                return -n.Operand.Evaluate(variables, field);
            case BinaryNode b:
                double l = b.Left.Evaluate(variables, field);
                double r = b.Right.Evaluate(variables, field);
                return b.Operator switch
                {
                    BinaryOperator.Add => l + r,
                    BinaryOperator.Subtract => l - r,
                    BinaryOperator.Multiply => l * r,
                    BinaryOperator.Divide => l / r,
                    _ => Math.Pow(l, r),
                };
            case CallNode c:
                double a = c.Argument.Evaluate(variables, field);
                double s = c.Second?.Evaluate(variables, field) ?? 0;
                return Functions.Apply(c.Function, a, s);
            default:
                throw new InvalidOperationException("Unknown node.");
        }
    }

    /// <summary>Every term of u the tree reads, each once, ordered by (order, first, second).</summary>
    public IReadOnlyList<DerivativeTerm> Fields()
    {
        var found = new HashSet<DerivativeTerm>();
        Collect(this, found);
        return [.. found.OrderBy(t => t.Unknown).ThenBy(t => t.Order).ThenBy(t => t.First).ThenBy(t => t.Second)];

        static void Collect(Node node, HashSet<DerivativeTerm> found)
        {
            switch (node)
            {
                case FieldNode f:
                    found.Add(f.Term);
                    break;
                case NegateNode n:
                    Collect(n.Operand, found);
                    break;
                case BinaryNode b:
                    Collect(b.Left, found);
                    Collect(b.Right, found);
                    break;
                case CallNode c:
                    Collect(c.Argument, found);
                    if (c.Second is not null)
                    {
                        Collect(c.Second, found);
                    }

                    break;
            }
        }
    }

    /// <summary>The tree with every leaf replaced by <paramref name="leaf"/>'s answer (null keeps it), re-simplified.</summary>
    public Node Substitute(Func<Node, Node?> leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return this switch
        {
            NegateNode n => Negate(n.Operand.Substitute(leaf)),
            BinaryNode b => Binary(b.Operator, b.Left.Substitute(leaf), b.Right.Substitute(leaf)),
            CallNode c => Call(c.Function, c.Argument.Substitute(leaf), c.Second?.Substitute(leaf)),
            _ => leaf(this) ?? this,
        };
    }
}
