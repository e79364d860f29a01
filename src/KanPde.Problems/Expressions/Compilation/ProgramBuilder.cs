namespace KanPde.Problems.Expressions.Compilation;

/// <summary>
/// Compiles expression trees into one <see cref="BlockProgram"/>: shared sub-trees are computed once
/// (structural equality), constants become scalar operands, and scratch rows are reused once their
/// value is dead.
/// </summary>
internal sealed class ProgramBuilder
{
    private readonly Func<Node, Operand?> _inputs;
    private readonly Dictionary<Node, Operand> _memo = [];
    private readonly List<Instruction> _code = [];
    private int _registers;

    /// <param name="inputs">Maps a node to an input row, or null to compute it from its children.</param>
    public ProgramBuilder(Func<Node, Operand?> inputs)
    {
        _inputs = inputs;
    }

    /// <summary>A program computing <paramref name="outputs"/>, in order.</summary>
    public static BlockProgram Compile(IReadOnlyList<Node> outputs, Func<Node, Operand?> inputs)
    {
        var builder = new ProgramBuilder(inputs);
        Operand[] results = [.. outputs.Select(builder.Emit)];
        return builder.Allocate(results);
    }

    private Operand Emit(Node node)
    {
        if (node is ConstantNode constant)
        {
            return Operand.Constant(constant.Value);
        }

        if (_memo.TryGetValue(node, out Operand known))
        {
            return known;
        }

        Operand result = _inputs(node) ?? node switch
        {
            NegateNode n => Instruction(OpCode.Negate, node, Emit(n.Operand), default),
            BinaryNode { Operator: BinaryOperator.Power, Right: ConstantNode { Value: 2 } } p =>
                Instruction(OpCode.Square, node, Emit(p.Left), default),
            BinaryNode b => Instruction(Code(b.Operator), node, Emit(b.Left), Emit(b.Right)),
            CallNode c => Instruction(Code(c.Function), node, Emit(c.Argument), c.Second is null ? default : Emit(c.Second)),
            _ => throw new InvalidOperationException($"No input supplies '{node}'."),
        };
        _memo[node] = result;
        return result;
    }

    private Operand Instruction(OpCode op, Node node, Operand a, Operand b)
    {
        bool binary = node is BinaryNode || (node is CallNode { Second: not null });
        if (a.IsConstant && (!binary || b.IsConstant))
        {
            return Operand.Constant(node.Evaluate([]));
        }

        var destination = new Operand(OperandKind.Temp, _registers++);
        _code.Add(new Instruction(op, destination.Index, a, binary ? b : Operand.Constant(0)));
        return destination;
    }

    // Maps virtual registers to the fewest scratch rows: a row is freed after the last instruction reading it.
    private BlockProgram Allocate(Operand[] results)
    {
        var lastUse = new int[_registers];
        for (int i = 0; i < _code.Count; i++)
        {
            MarkUse(_code[i].A, i);
            MarkUse(_code[i].B, i);
        }

        foreach (Operand result in results)
        {
            MarkUse(result, int.MaxValue);
        }

        var row = new int[_registers];
        var free = new Stack<int>();
        int rows = 0;
        var code = new Instruction[_code.Count];
        for (int i = 0; i < _code.Count; i++)
        {
            Instruction ins = _code[i];
            Operand a = Rename(ins.A);
            Operand b = Rename(ins.B);
            Release(ins.A, i);
            if (ins.B != ins.A)
            {
                Release(ins.B, i);
            }

            int target = free.Count > 0 ? free.Pop() : rows++;
            row[ins.Destination] = target;
            code[i] = new Instruction(ins.Op, target, a, b);
        }

        return new BlockProgram(code, rows, [.. results.Select(Rename)]);

        void MarkUse(Operand operand, int at)
        {
            if (operand.Kind == OperandKind.Temp)
            {
                lastUse[operand.Index] = Math.Max(lastUse[operand.Index], at);
            }
        }

        Operand Rename(Operand operand) =>
            operand.Kind == OperandKind.Temp ? operand with { Index = row[operand.Index] } : operand;

        void Release(Operand operand, int at)
        {
            if (operand.Kind == OperandKind.Temp && lastUse[operand.Index] == at)
            {
                free.Push(row[operand.Index]);
            }
        }
    }

    private static OpCode Code(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => OpCode.Add,
        BinaryOperator.Subtract => OpCode.Subtract,
        BinaryOperator.Multiply => OpCode.Multiply,
        BinaryOperator.Divide => OpCode.Divide,
        _ => OpCode.Power,
    };

    private static OpCode Code(FunctionKind function) => function switch
    {
        FunctionKind.Sin => OpCode.Sin,
        FunctionKind.Cos => OpCode.Cos,
        FunctionKind.Tan => OpCode.Tan,
        FunctionKind.Asin => OpCode.Asin,
        FunctionKind.Acos => OpCode.Acos,
        FunctionKind.Atan => OpCode.Atan,
        FunctionKind.Sinh => OpCode.Sinh,
        FunctionKind.Cosh => OpCode.Cosh,
        FunctionKind.Tanh => OpCode.Tanh,
        FunctionKind.Exp => OpCode.Exp,
        FunctionKind.Log => OpCode.Log,
        FunctionKind.Sqrt => OpCode.Sqrt,
        FunctionKind.Abs => OpCode.Abs,
        FunctionKind.Min => OpCode.Min,
        FunctionKind.Max => OpCode.Max,
        FunctionKind.Sign => OpCode.Sign,
        _ => OpCode.Step,
    };
}
