namespace KanPde.Problems.Expressions.Compilation;

/// <summary>Where an instruction reads a block of values.</summary>
internal enum OperandKind
{
    /// <summary>One number for the whole block.</summary>
    Constant,

    /// <summary>Row <c>Index</c> of the first input (point coordinates or precomputed point-only values).</summary>
    InputA,

    /// <summary>Row <c>Index</c> of the second input (the terms of u).</summary>
    InputB,

    /// <summary>Scratch row <c>Index</c>.</summary>
    Temp,
}

/// <summary>An instruction operand.</summary>
internal readonly record struct Operand(OperandKind Kind, int Index, double Value = 0)
{
    public static Operand Constant(double value) => new(OperandKind.Constant, -1, value);

    public bool IsConstant => Kind == OperandKind.Constant;
}

/// <summary>Instruction codes: one per operator and function, and <c>Square</c> for a^2.</summary>
internal enum OpCode
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Square,
    Negate,
    Min,
    Max,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Exp,
    Log,
    Sqrt,
    Abs,
    Sign,
    Step,
}

/// <summary><c>temp[Destination] = Op(A, B)</c> over one block.</summary>
internal readonly record struct Instruction(OpCode Op, int Destination, Operand A, Operand B);
