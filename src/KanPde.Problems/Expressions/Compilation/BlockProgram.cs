using System.Numerics.Tensors;

namespace KanPde.Problems.Expressions.Compilation;

/// <summary>
/// A straight-line program over blocks of points: each instruction processes the whole block with one
/// <see cref="TensorPrimitives"/> call. Immutable; all scratch is passed in, so one program may run on
/// many threads at once.
/// </summary>
internal sealed class BlockProgram
{
    public BlockProgram(Instruction[] code, int tempCount, Operand[] outputs)
    {
        Code = code;
        TempCount = tempCount;
        Outputs = outputs;
    }

    public Instruction[] Code { get; }

    /// <summary>Rows of scratch a run needs.</summary>
    public int TempCount { get; }

    /// <summary>Where each result is once the program has run.</summary>
    public Operand[] Outputs { get; }

    /// <summary>Runs the program over <paramref name="block"/> points.</summary>
    public void Run(in BlockInputs inputs, int block, Span<double> temps)
    {
        foreach (Instruction instruction in Code)
        {
            Span<double> destination = temps.Slice(instruction.Destination * block, block);
            Execute(instruction, inputs, block, temps, destination);
        }
    }

    /// <summary>Copies output <paramref name="index"/> of the last run into <paramref name="destination"/>.</summary>
    public void CopyOutput(int index, in BlockInputs inputs, int block, ReadOnlySpan<double> temps, Span<double> destination)
    {
        Operand output = Outputs[index];
        if (output.IsConstant)
        {
            destination[..block].Fill(output.Value);
            return;
        }

        Read(output, inputs, block, temps).CopyTo(destination);
    }

    private static ReadOnlySpan<double> Read(Operand operand, in BlockInputs inputs, int block, ReadOnlySpan<double> temps) =>
        operand.Kind switch
        {
            OperandKind.InputA => inputs.A.Slice((operand.Index * inputs.StrideA) + inputs.OffsetA, block),
            OperandKind.InputB => inputs.B.Slice((operand.Index * inputs.StrideB) + inputs.OffsetB, block),
            _ => temps.Slice(operand.Index * block, block),
        };

    private static void Execute(in Instruction ins, in BlockInputs inputs, int block, Span<double> temps, Span<double> d)
    {
        Operand a = ins.A;
        Operand b = ins.B;
        ReadOnlySpan<double> x = a.IsConstant ? default : Read(a, inputs, block, temps);
        ReadOnlySpan<double> y = b.IsConstant ? default : Read(b, inputs, block, temps);
        switch (ins.Op)
        {
            case OpCode.Add:
                if (a.IsConstant) { TensorPrimitives.Add(y, a.Value, d); }
                else if (b.IsConstant) { TensorPrimitives.Add(x, b.Value, d); }
                else { TensorPrimitives.Add(x, y, d); }
                break;
            case OpCode.Subtract:
                if (a.IsConstant) { TensorPrimitives.Subtract(a.Value, y, d); }
                else if (b.IsConstant) { TensorPrimitives.Subtract(x, b.Value, d); }
                else { TensorPrimitives.Subtract(x, y, d); }
                break;
            case OpCode.Multiply:
                if (a.IsConstant) { TensorPrimitives.Multiply(y, a.Value, d); }
                else if (b.IsConstant) { TensorPrimitives.Multiply(x, b.Value, d); }
                else { TensorPrimitives.Multiply(x, y, d); }
                break;
            case OpCode.Divide:
                if (a.IsConstant) { TensorPrimitives.Divide(a.Value, y, d); }
                else if (b.IsConstant) { TensorPrimitives.Divide(x, b.Value, d); }
                else { TensorPrimitives.Divide(x, y, d); }
                break;
            case OpCode.Power:
                for (int i = 0; i < d.Length; i++)
                {
                    d[i] = Math.Pow(a.IsConstant ? a.Value : x[i], b.IsConstant ? b.Value : y[i]);
                }

                break;
            case OpCode.Min:
                if (a.IsConstant) { TensorPrimitives.Min(y, a.Value, d); }
                else if (b.IsConstant) { TensorPrimitives.Min(x, b.Value, d); }
                else { TensorPrimitives.Min(x, y, d); }
                break;
            case OpCode.Max:
                if (a.IsConstant) { TensorPrimitives.Max(y, a.Value, d); }
                else if (b.IsConstant) { TensorPrimitives.Max(x, b.Value, d); }
                else { TensorPrimitives.Max(x, y, d); }
                break;
            default:
                Unary(ins.Op, x, d);
                break;
        }
    }

    // Transcendental functions point by point with the runtime's scalar Math: TensorPrimitives' vectorised
    // versions (System.Numerics.Tensors 10.0.0) gave different last bits for the same input from one process to
    // the next (seen for Cos, suspected for others), and a run must give the same numbers every time.
    private static void Map(ReadOnlySpan<double> x, Span<double> d, Func<double, double> f)
    {
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = f(x[i]);
        }
    }

    private static void Unary(OpCode op, ReadOnlySpan<double> x, Span<double> d)
    {
        switch (op)
        {
            case OpCode.Square: TensorPrimitives.Multiply(x, x, d); break;
            case OpCode.Negate: TensorPrimitives.Negate(x, d); break;
            case OpCode.Sin: Map(x, d, Math.Sin); break;
            case OpCode.Cos: Map(x, d, Math.Cos); break;
            case OpCode.Tan: Map(x, d, Math.Tan); break;
            case OpCode.Asin: Map(x, d, Math.Asin); break;
            case OpCode.Acos: Map(x, d, Math.Acos); break;
            case OpCode.Atan: Map(x, d, Math.Atan); break;
            case OpCode.Sinh: Map(x, d, Math.Sinh); break;
            case OpCode.Cosh: Map(x, d, Math.Cosh); break;
            case OpCode.Tanh: Map(x, d, Math.Tanh); break;
            case OpCode.Exp: Map(x, d, Math.Exp); break;
            case OpCode.Log: Map(x, d, Math.Log); break;
            case OpCode.Sqrt: TensorPrimitives.Sqrt(x, d); break;
            case OpCode.Abs: TensorPrimitives.Abs(x, d); break;
            case OpCode.Sign:
                for (int i = 0; i < d.Length; i++)
                {
                    d[i] = Functions.Apply(FunctionKind.Sign, x[i]);
                }

                break;
            case OpCode.Step:
                for (int i = 0; i < d.Length; i++)
                {
                    d[i] = Functions.Apply(FunctionKind.Step, x[i]);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown instruction {op}.");
        }
    }
}

/// <summary>
/// The two inputs of a run: row k of input A for the block is
/// <c>A[k * StrideA + OffsetA ..][..block]</c>, and likewise for B.
/// </summary>
internal readonly ref struct BlockInputs
{
    public BlockInputs(ReadOnlySpan<double> a, int strideA, int offsetA, ReadOnlySpan<double> b, int strideB, int offsetB)
    {
        A = a;
        StrideA = strideA;
        OffsetA = offsetA;
        B = b;
        StrideB = strideB;
        OffsetB = offsetB;
    }

    public ReadOnlySpan<double> A { get; }

    public int StrideA { get; }

    public int OffsetA { get; }

    public ReadOnlySpan<double> B { get; }

    public int StrideB { get; }

    public int OffsetB { get; }
}
