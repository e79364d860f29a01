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
                if (a.IsConstant) { TensorPrimitives.Pow(a.Value, y, d); }
                else if (b.IsConstant) { TensorPrimitives.Pow(x, b.Value, d); }
                else { TensorPrimitives.Pow(x, y, d); }
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

    private static void ScalarCos(ReadOnlySpan<double> x, Span<double> d)
    {
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = Math.Cos(x[i]);
        }
    }

    private static void Unary(OpCode op, ReadOnlySpan<double> x, Span<double> d)
    {
        switch (op)
        {
            case OpCode.Square: TensorPrimitives.Multiply(x, x, d); break;
            case OpCode.Negate: TensorPrimitives.Negate(x, d); break;
            case OpCode.Sin: TensorPrimitives.Sin(x, d); break;
            // TensorPrimitives.Cos (System.Numerics.Tensors 10.0.0) gave different last bits in about one process
            // in twenty for the same input; the runtime's scalar cosine is reproducible.
            case OpCode.Cos: ScalarCos(x, d); break;
            case OpCode.Tan: TensorPrimitives.Tan(x, d); break;
            case OpCode.Asin: TensorPrimitives.Asin(x, d); break;
            case OpCode.Acos: TensorPrimitives.Acos(x, d); break;
            case OpCode.Atan: TensorPrimitives.Atan(x, d); break;
            case OpCode.Sinh: TensorPrimitives.Sinh(x, d); break;
            case OpCode.Cosh: TensorPrimitives.Cosh(x, d); break;
            case OpCode.Tanh: TensorPrimitives.Tanh(x, d); break;
            case OpCode.Exp: TensorPrimitives.Exp(x, d); break;
            case OpCode.Log: TensorPrimitives.Log(x, d); break;
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
