namespace KanPde.Problems.Expressions;

/// <summary>Functions an expression may call, plus two used only by derivatives.</summary>
public enum FunctionKind
{
    /// <summary>sin</summary>
    Sin,

    /// <summary>cos</summary>
    Cos,

    /// <summary>tan</summary>
    Tan,

    /// <summary>asin</summary>
    Asin,

    /// <summary>acos</summary>
    Acos,

    /// <summary>atan</summary>
    Atan,

    /// <summary>sinh</summary>
    Sinh,

    /// <summary>cosh</summary>
    Cosh,

    /// <summary>tanh</summary>
    Tanh,

    /// <summary>exp</summary>
    Exp,

    /// <summary>log, the natural logarithm</summary>
    Log,

    /// <summary>sqrt</summary>
    Sqrt,

    /// <summary>abs</summary>
    Abs,

    /// <summary>min of two arguments</summary>
    Min,

    /// <summary>max of two arguments</summary>
    Max,

    /// <summary>sign(x): −1, 0 or 1 (the derivative of abs; not callable from files).</summary>
    Sign,

    /// <summary>step(x): 1 when x &gt; 0, else 0 (in derivatives of min and max; not callable from files).</summary>
    Step,
}
