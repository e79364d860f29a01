using KanPde.Core.Derivatives;

namespace KanPde.Problems.Expressions;

public abstract partial record Node
{
    /// <summary>
    /// ∂/∂(term of u) of the tree, treating x, u and each derivative of u as independent symbols
    /// (what the training loop needs: ∂ρ/∂u_xx and so on). Simplified.
    /// </summary>
    public Node DifferentiateByField(DerivativeTerm term) =>
        Differentiate(leaf => leaf is FieldNode f && f.Term == term ? One : Zero);

    /// <summary>
    /// The total derivative d/dx_i of the tree, where u is a function of the variables: u_x becomes
    /// u_xy under d/dy. <paramref name="variableNames"/> names the variables in order (for the new
    /// terms). Throws <see cref="InvalidOperationException"/> when a term of u would reach order 3.
    /// </summary>
    public Node DifferentiateByVariable(int variable, IReadOnlyList<string> variableNames)
    {
        ArgumentNullException.ThrowIfNull(variableNames);
        ArgumentOutOfRangeException.ThrowIfNegative(variable);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(variable, variableNames.Count);
        return Differentiate(leaf => leaf switch
        {
            VariableNode v => v.Index == variable ? One : Zero,
            FieldNode f => RaiseOrder(f, variable, variableNames),
            _ => Zero,
        });
    }

    /// <summary>The derivative by the chain rule, given the derivative of each leaf.</summary>
    public Node Differentiate(Func<Node, Node> leafDerivative)
    {
        ArgumentNullException.ThrowIfNull(leafDerivative);
        switch (this)
        {
            case ConstantNode:
                return Zero;
            case VariableNode or FieldNode:
                return leafDerivative(this);
            case NegateNode n:
                return Negate(n.Operand.Differentiate(leafDerivative));
            case BinaryNode b:
                return DifferentiateBinary(b, b.Left.Differentiate(leafDerivative), b.Right.Differentiate(leafDerivative));
            case CallNode c:
                Node da = c.Argument.Differentiate(leafDerivative);
                Node? db = c.Second?.Differentiate(leafDerivative);
                return DifferentiateCall(c, da, db);
            default:
                throw new InvalidOperationException("Unknown node.");
        }
    }

    private static Node DifferentiateBinary(BinaryNode b, Node da, Node db)
    {
        Node a = b.Left;
        Node c = b.Right;
        switch (b.Operator)
        {
            case BinaryOperator.Add:
                return Sum(da, db);
            case BinaryOperator.Subtract:
                return Difference(da, db);
            case BinaryOperator.Multiply:
                return Sum(Product(da, c), Product(a, db));
            case BinaryOperator.Divide:
                // (a/c)' = a'/c − a·c'/c²
                return Difference(Quotient(da, c), Quotient(Product(a, db), Power(c, Number(2))));
            default:
                if (db.Is(0))
                {
                    // (a^n)' = n·a^(n−1)·a'
                    return Product(Product(c, Power(a, Difference(c, One))), da);
                }

                // (a^c)' = a^c · (c'·ln a + c·a'/a)
                return Product(b, Sum(Product(db, Call(FunctionKind.Log, a)), Quotient(Product(c, da), a)));
        }
    }

    private static Node DifferentiateCall(CallNode call, Node da, Node? db)
    {
        Node a = call.Argument;
        if (da.Is(0) && (db is null || db.Is(0)))
        {
            return Zero;
        }

        Node outer = call.Function switch
        {
            FunctionKind.Sin => Call(FunctionKind.Cos, a),
            FunctionKind.Cos => Negate(Call(FunctionKind.Sin, a)),
            FunctionKind.Tan => Quotient(One, Power(Call(FunctionKind.Cos, a), Number(2))),
            FunctionKind.Asin => Quotient(One, Call(FunctionKind.Sqrt, Difference(One, Power(a, Number(2))))),
            FunctionKind.Acos => Negate(Quotient(One, Call(FunctionKind.Sqrt, Difference(One, Power(a, Number(2)))))),
            FunctionKind.Atan => Quotient(One, Sum(One, Power(a, Number(2)))),
            FunctionKind.Sinh => Call(FunctionKind.Cosh, a),
            FunctionKind.Cosh => Call(FunctionKind.Sinh, a),
            FunctionKind.Tanh => Difference(One, Power(call, Number(2))),
            FunctionKind.Exp => call,
            FunctionKind.Log => Quotient(One, a),
            FunctionKind.Sqrt => Quotient(Number(0.5), call),
            FunctionKind.Abs => Call(FunctionKind.Sign, a),
            FunctionKind.Sign or FunctionKind.Step => Zero,
            _ => Zero,
        };

        if (call.Function is FunctionKind.Min or FunctionKind.Max)
        {
            Node b = call.Second!;
            // min picks a where b − a > 0; max picks a where a − b > 0; ties take b's derivative.
            Node pickA = Call(FunctionKind.Step, call.Function == FunctionKind.Min ? Difference(b, a) : Difference(a, b));
            return Sum(Product(pickA, da), Product(Difference(One, pickA), db!));
        }

        return Product(outer, da);
    }

    private static Node RaiseOrder(FieldNode field, int variable, IReadOnlyList<string> names)
    {
        if (field.IsParameter)
        {
            return Zero;
        }

        DerivativeTerm term = field.Term;
        DerivativeTerm raised = term.Order switch
        {
            0 => DerivativeTerm.D(variable),
            1 => DerivativeTerm.D(term.First, variable),
            _ => throw new InvalidOperationException($"d/d{names[variable]} of {field.Name} has order 3; at most 2 is supported."),
        };
        return new FieldNode(raised.Of(term.Unknown), FieldName(raised, names, UnknownLetter(field.Name)));
    }

    private static string UnknownLetter(string fieldName)
    {
        int underscore = fieldName.IndexOf('_', StringComparison.Ordinal);
        return underscore < 0 ? fieldName : fieldName[..underscore];
    }

    /// <summary>How a term of u is written, with the variables in declaration order: u, u_x, u_xy.</summary>
    public static string FieldName(DerivativeTerm term, IReadOnlyList<string> variableNames) => FieldName(term, variableNames, "u");

    /// <summary>How a term of the unknown <paramref name="unknown"/> is written: v, v_x, v_xy.</summary>
    public static string FieldName(DerivativeTerm term, IReadOnlyList<string> variableNames, string unknown)
    {
        ArgumentNullException.ThrowIfNull(variableNames);
        ArgumentNullException.ThrowIfNull(unknown);
        return term.Order switch
        {
            0 => unknown,
            1 => unknown + "_" + variableNames[term.First],
            _ => unknown + "_" + variableNames[term.First] + variableNames[term.Second],
        };
    }
}
