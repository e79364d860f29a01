namespace KanPde.Problems.Expressions;

/// <summary>Factories that simplify as they build: constants fold, 0 and 1 vanish, double negation cancels.</summary>
public abstract partial record Node
{
    /// <summary>The number 0.</summary>
    public static ConstantNode Zero { get; } = new(0);

    /// <summary>The number 1.</summary>
    public static ConstantNode One { get; } = new(1);

    /// <summary>A number node.</summary>
    public static Node Number(double value) => value == 0 && !double.IsNegative(value) ? Zero : value == 1 ? One : new ConstantNode(value);

    /// <summary>Whether the node is the number <paramref name="value"/>.</summary>
    public bool Is(double value) => this is ConstantNode c && c.Value == value;

    /// <summary>a + b, simplified.</summary>
    public static Node Sum(Node a, Node b)
    {
        if (a is ConstantNode ca && b is ConstantNode cb)
        {
            return Number(ca.Value + cb.Value);
        }

        if (a.Is(0))
        {
            return b;
        }

        if (b.Is(0))
        {
            return a;
        }

        if (b is NegateNode nb)
        {
            return Difference(a, nb.Operand);
        }

        return new BinaryNode(BinaryOperator.Add, a, b);
    }

    /// <summary>a − b, simplified.</summary>
    public static Node Difference(Node a, Node b)
    {
        if (a is ConstantNode ca && b is ConstantNode cb)
        {
            return Number(ca.Value - cb.Value);
        }

        if (b.Is(0))
        {
            return a;
        }

        if (a.Is(0))
        {
            return Negate(b);
        }

        if (a.Equals(b))
        {
            return Zero;
        }

        if (b is NegateNode nb)
        {
            return Sum(a, nb.Operand);
        }

        return new BinaryNode(BinaryOperator.Subtract, a, b);
    }

    /// <summary>a · b, simplified (constants gathered on the left).</summary>
    public static Node Product(Node a, Node b)
    {
        if (b is ConstantNode && a is not ConstantNode)
        {
            (a, b) = (b, a);
        }

        if (a is ConstantNode ca)
        {
            if (b is ConstantNode cb)
            {
                return Number(ca.Value * cb.Value);
            }

            if (ca.Value == 0)
            {
                return Zero;
            }

            if (ca.Value == 1)
            {
                return b;
            }

            if (ca.Value == -1)
            {
                return Negate(b);
            }

            if (b is BinaryNode { Operator: BinaryOperator.Multiply, Left: ConstantNode inner } bm)
            {
                return Product(Number(ca.Value * inner.Value), bm.Right);
            }

            if (b is NegateNode nb)
            {
                return Product(Number(-ca.Value), nb.Operand);
            }
        }

        if (a is NegateNode na)
        {
            return Negate(Product(na.Operand, b));
        }

        if (b is NegateNode nb2)
        {
            return Negate(Product(a, nb2.Operand));
        }

        return new BinaryNode(BinaryOperator.Multiply, a, b);
    }

    /// <summary>a / b, simplified.</summary>
    public static Node Quotient(Node a, Node b)
    {
        if (a is ConstantNode ca && b is ConstantNode cb)
        {
            return Number(ca.Value / cb.Value);
        }

        if (b.Is(1))
        {
            return a;
        }

        if (a.Is(0))
        {
            return Zero;
        }

        if (b is ConstantNode c && c.Value != 0 && double.IsFinite(1 / c.Value) && IsPowerOfTwo(c.Value))
        {
            return Product(Number(1 / c.Value), a);
        }

        if (a is NegateNode na)
        {
            return Negate(Quotient(na.Operand, b));
        }

        return new BinaryNode(BinaryOperator.Divide, a, b);
    }

    /// <summary>a ^ b, simplified.</summary>
    public static Node Power(Node a, Node b)
    {
        if (a is ConstantNode ca && b is ConstantNode cb)
        {
            return Number(Math.Pow(ca.Value, cb.Value));
        }

        if (b.Is(0))
        {
            return One;
        }

        if (b.Is(1))
        {
            return a;
        }

        return new BinaryNode(BinaryOperator.Power, a, b);
    }

    /// <summary>−a, simplified.</summary>
    public static Node Negate(Node a) => a switch
    {
        ConstantNode c => Number(-c.Value),
        NegateNode n => n.Operand,
        BinaryNode { Operator: BinaryOperator.Subtract } s => Difference(s.Right, s.Left),
        _ => new NegateNode(a),
    };

    /// <summary>A function call, folded when its arguments are numbers.</summary>
    public static Node Call(FunctionKind function, Node argument, Node? second = null)
    {
        if (Functions.Arity(function) != (second is null ? 1 : 2))
        {
            throw new ArgumentException($"{Functions.Name(function)} takes {Functions.Arity(function)} argument(s).", nameof(second));
        }

        if (argument is ConstantNode a && (second is null || second is ConstantNode))
        {
            return Number(Functions.Apply(function, a.Value, (second as ConstantNode)?.Value ?? 0));
        }

        return new CallNode(function, argument, second);
    }

    /// <summary>Rebuilds a tree through the simplifying factories.</summary>
    public static Node Simplify(Node node) => node switch
    {
        NegateNode n => Negate(Simplify(n.Operand)),
        BinaryNode b => Binary(b.Operator, Simplify(b.Left), Simplify(b.Right)),
        CallNode c => Call(c.Function, Simplify(c.Argument), c.Second is null ? null : Simplify(c.Second)),
        _ => node,
    };

    /// <summary>The simplifying factory of an operator.</summary>
    public static Node Binary(BinaryOperator op, Node a, Node b) => op switch
    {
        BinaryOperator.Add => Sum(a, b),
        BinaryOperator.Subtract => Difference(a, b),
        BinaryOperator.Multiply => Product(a, b),
        BinaryOperator.Divide => Quotient(a, b),
        _ => Power(a, b),
    };

    private static bool IsPowerOfTwo(double value)
    {
        int exponent = Math.ILogB(value);
        return Math.Abs(value) == Math.ScaleB(1.0, exponent);
    }
}
