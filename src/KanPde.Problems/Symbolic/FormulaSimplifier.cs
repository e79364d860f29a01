using KanPde.Problems.Expressions;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// Brings an expression to a canonical sum of products: constants folded, sums and products flattened, like
/// factors gathered into integer powers, like terms collected (their coefficients added, zeros dropped), and
/// products and small integer powers of sums expanded when the expansion has at most
/// <see cref="MaxExpandedTerms"/> terms (so identities such as (a + b)² − (a − b)² = 4ab cancel). Function
/// arguments are simplified the same way. The result has the same value wherever the input is defined.
/// </summary>
public static class FormulaSimplifier
{
    /// <summary>Expand a product of sums only when it has at most this many terms.</summary>
    public const int MaxExpandedTerms = 36;

    /// <summary>The canonical form of <paramref name="node"/>.</summary>
    public static Node Simplify(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Node result = ToPoly(node).ToNode();
        Node merged = MergePhases(result);
        return merged.Equals(result) ? result : ToPoly(merged).ToNode();
    }

    // sin(z + b) and cos(z + b) whose z (the argument without its constant) appears in more than one call are
    // expanded by the angle-addition rules into cos b·sin z + sin b·cos z and cos b·cos z − sin b·sin z, so that
    // terms of one frequency with different phases collect into one sine and one cosine.
    private static Node MergePhases(Node node)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Visit(node, call => counts[Key(call)] = counts.GetValueOrDefault(Key(call)) + 1);
        var shared = counts.Where(c => c.Value > 1).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return shared.Count == 0 ? node : Rewrite(node);

        Node Rewrite(Node n) => n switch
        {
            CallNode { Function: FunctionKind.Sin or FunctionKind.Cos, Second: null } c when Phase(c.Argument) is (Node z, double b) && b != 0 && shared.Contains(z.ToString()) =>
                c.Function == FunctionKind.Sin
                    ? Node.Sum(Node.Product(Node.Number(Math.Cos(b)), Node.Call(FunctionKind.Sin, z)), Node.Product(Node.Number(Math.Sin(b)), Node.Call(FunctionKind.Cos, z)))
                    : Node.Difference(Node.Product(Node.Number(Math.Cos(b)), Node.Call(FunctionKind.Cos, z)), Node.Product(Node.Number(Math.Sin(b)), Node.Call(FunctionKind.Sin, z))),
            NegateNode neg => new NegateNode(Rewrite(neg.Operand)),
            BinaryNode bin => new BinaryNode(bin.Operator, Rewrite(bin.Left), Rewrite(bin.Right)),
            CallNode call => new CallNode(call.Function, Rewrite(call.Argument), call.Second is null ? null : Rewrite(call.Second)),
            _ => n,
        };

        static string Key(CallNode call) => Phase(call.Argument) is (Node z, _) ? z.ToString() : call.Argument.ToString();
    }

    private static void Visit(Node node, Action<CallNode> trig)
    {
        switch (node)
        {
            case CallNode { Function: FunctionKind.Sin or FunctionKind.Cos, Second: null } c:
                trig(c);
                Visit(c.Argument, trig);
                break;
            case NegateNode n:
                Visit(n.Operand, trig);
                break;
            case BinaryNode b:
                Visit(b.Left, trig);
                Visit(b.Right, trig);
                break;
            case CallNode c:
                Visit(c.Argument, trig);
                if (c.Second is not null)
                {
                    Visit(c.Second, trig);
                }

                break;
        }
    }

    // The argument as z + b with b its constant term (b = 0 when it has none).
    private static (Node Z, double B)? Phase(Node argument)
    {
        Poly p = ToPoly(argument);
        return p.WithoutConstant().Count == 0 ? null : (p.WithoutConstant().ToNode(), p.ConstantTerm);
    }

    private static Poly ToPoly(Node node)
    {
        switch (node)
        {
            case ConstantNode c:
                return Poly.Constant(c.Value);
            case VariableNode or FieldNode:
                return Poly.Atom(node, 1);
            case NegateNode n:
                return ToPoly(n.Operand).Scale(-1);
            case BinaryNode b:
                return Binary(b);
            case CallNode { Function: FunctionKind.Sin or FunctionKind.Cos, Second: null } trig:
                return Trigonometric(trig.Function, ToPoly(trig.Argument));
            case CallNode { Function: FunctionKind.Tan or FunctionKind.Tanh, Second: null } odd:
                Poly inner = ToPoly(odd.Argument);
                return inner.LeadingCoefficient < 0
                    ? Call(odd.Function, inner.Scale(-1)).Scale(-1)
                    : Call(odd.Function, inner);
            case CallNode call:
                Node argument = Simplify(call.Argument);
                Node? second = call.Second is null ? null : Simplify(call.Second);
                Node folded = Node.Call(call.Function, argument, second);
                return folded is ConstantNode fc ? Poly.Constant(fc.Value) : Poly.Atom(folded, 1);
            default:
                throw new InvalidOperationException("Unknown node.");
        }
    }

    private static Poly Call(FunctionKind function, Poly argument)
    {
        Node folded = Node.Call(function, argument.ToNode());
        return folded is ConstantNode c ? Poly.Constant(c.Value) : Poly.Atom(folded, 1);
    }

    // sin and cos: a shift of the argument by an exact multiple of π/2 becomes a change of function and sign
    // (sin(z + π/2) = cos z, cos(z − π/2) = sin z, ...), and the argument's leading coefficient is made positive
    // (sin(−z) = −sin z, cos(−z) = cos z), so equal functions are written alike and collect.
    private static Poly Trigonometric(FunctionKind function, Poly argument)
    {
        double shift = argument.ConstantTerm;
        int quarter = (int)Math.Round(shift / (Math.PI / 2));
        if (shift != 0 && argument.Count > 1 && Math.Abs(quarter) <= 400
            && (quarter * Math.PI / 2 == shift || (quarter % 2 == 0 && quarter / 2 * Math.PI == shift)))
        {
            argument = argument.WithoutConstant();
            int q = ((quarter % 4) + 4) % 4;
            bool sin = function == FunctionKind.Sin;
            // sin(z + qπ/2): sin, cos, −sin, −cos; cos(z + qπ/2): cos, −sin, −cos, sin
            (function, double sign) = (sin, q) switch
            {
                (true, 0) => (FunctionKind.Sin, 1.0),
                (true, 1) => (FunctionKind.Cos, 1.0),
                (true, 2) => (FunctionKind.Sin, -1.0),
                (true, 3) => (FunctionKind.Cos, -1.0),
                (false, 0) => (FunctionKind.Cos, 1.0),
                (false, 1) => (FunctionKind.Sin, -1.0),
                (false, 2) => (FunctionKind.Cos, -1.0),
                _ => (FunctionKind.Sin, 1.0),
            };
            return Trigonometric(function, argument).Scale(sign);
        }

        if (argument.LeadingCoefficient < 0)
        {
            Poly negated = Call(function, argument.Scale(-1));
            return function == FunctionKind.Sin ? negated.Scale(-1) : negated;
        }

        return Call(function, argument);
    }

    private static Poly Binary(BinaryNode b)
    {
        Poly left = ToPoly(b.Left);
        switch (b.Operator)
        {
            case BinaryOperator.Add:
                return left.Add(ToPoly(b.Right));
            case BinaryOperator.Subtract:
                return left.Add(ToPoly(b.Right).Scale(-1));
            case BinaryOperator.Multiply:
                return Multiply(left, ToPoly(b.Right));
            case BinaryOperator.Divide:
                Poly divisor = ToPoly(b.Right);
                if (divisor.AsConstant() is double k)
                {
                    return left.Scale(1 / k);
                }

                return Multiply(left, Inverse(divisor));
            default:
                Poly exponent = ToPoly(b.Right);
                if (exponent.AsConstant() is double e && e == Math.Round(e) && Math.Abs(e) <= 8)
                {
                    return IntegerPower(left, (int)e);
                }

                if (left.AsConstant() is double lc && exponent.AsConstant() is double ec)
                {
                    return Poly.Constant(Math.Pow(lc, ec));
                }

                return Poly.Atom(Node.Power(left.ToNode(), exponent.ToNode()), 1);
        }
    }

    private static Poly Multiply(Poly a, Poly b)
    {
        if (a.AsConstant() is double ka)
        {
            return b.Scale(ka);
        }

        if (b.AsConstant() is double kb)
        {
            return a.Scale(kb);
        }

        if ((long)a.Count * b.Count <= MaxExpandedTerms || a.Count == 1 || b.Count == 1)
        {
            return a.Multiply(b);
        }

        return Poly.Atom(a.ToNode(), 1).Multiply(Poly.Atom(b.ToNode(), 1));
    }

    private static Poly IntegerPower(Poly basis, int exponent)
    {
        if (exponent == 0)
        {
            return Poly.Constant(1);
        }

        if (basis.AsConstant() is double k)
        {
            return Poly.Constant(Math.Pow(k, exponent));
        }

        if (exponent < 0)
        {
            return IntegerPower(Inverse(basis), -exponent);
        }

        if (basis.Count == 1)
        {
            return basis.Power(exponent);
        }

        Poly result = basis;
        for (int step = 1; step < exponent; step++)
        {
            if ((long)result.Count * basis.Count > MaxExpandedTerms)
            {
                return Poly.Atom(basis.ToNode(), exponent);
            }

            result = result.Multiply(basis);
        }

        return result;
    }

    private static Poly Inverse(Poly p) => p.Count == 1 ? p.Power(-1) : Poly.Atom(p.ToNode(), -1);
}
