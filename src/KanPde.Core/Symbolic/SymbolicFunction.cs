namespace KanPde.Core.Symbolic;

/// <summary>The functions an edge may be replaced by; each is fitted as c·f(a·x + b) + d.</summary>
public enum SymbolicFunction
{
    /// <summary>0 (a pruned edge).</summary>
    Zero,

    /// <summary>The constant d.</summary>
    Constant,

    /// <summary>x</summary>
    X,

    /// <summary>x²</summary>
    X2,

    /// <summary>x³</summary>
    X3,

    /// <summary>x⁴</summary>
    X4,

    /// <summary>1/x</summary>
    Inverse,

    /// <summary>√x</summary>
    Sqrt,

    /// <summary>exp x</summary>
    Exp,

    /// <summary>log x</summary>
    Log,

    /// <summary>sin x</summary>
    Sin,

    /// <summary>cos x</summary>
    Cos,

    /// <summary>tan x</summary>
    Tan,

    /// <summary>tanh x</summary>
    Tanh,

    /// <summary>|x|</summary>
    Abs,
}

/// <summary>Names, simplicity and values of the <see cref="SymbolicFunction"/>s.</summary>
public static class SymbolicFunctions
{
    /// <summary>Every function of the library, simplest first.</summary>
    public static IReadOnlyList<SymbolicFunction> All { get; } = Enum.GetValues<SymbolicFunction>().OrderBy(Complexity).ToArray();

    /// <summary>
    /// How complex the function is (lower is simpler): 0 for 0, 1 for a constant, 2 for x, 3 for x², √x, 1/x, exp,
    /// log, sin and cos, 4 for x³, tan, tanh and |x|, 5 for x⁴ (pykan's ranking, with the constant and x split apart).
    /// </summary>
    public static int Complexity(SymbolicFunction f) => f switch
    {
        SymbolicFunction.Zero => 0,
        SymbolicFunction.Constant => 1,
        SymbolicFunction.X => 2,
        SymbolicFunction.X2 or SymbolicFunction.Sqrt or SymbolicFunction.Inverse or SymbolicFunction.Exp
            or SymbolicFunction.Log or SymbolicFunction.Sin or SymbolicFunction.Cos => 3,
        SymbolicFunction.X3 or SymbolicFunction.Tan or SymbolicFunction.Tanh or SymbolicFunction.Abs => 4,
        _ => 5,
    };

    /// <summary>A short name: "0", "constant", "x", "x^2", "1/x", "sqrt", "sin", ...</summary>
    public static string Name(SymbolicFunction f) => f switch
    {
        SymbolicFunction.Zero => "0",
        SymbolicFunction.Constant => "constant",
        SymbolicFunction.X => "x",
        SymbolicFunction.X2 => "x^2",
        SymbolicFunction.X3 => "x^3",
        SymbolicFunction.X4 => "x^4",
        SymbolicFunction.Inverse => "1/x",
        _ => f.ToString().ToLowerInvariant(),
    };

    /// <summary>f(z), NaN outside its domain (z ≤ 0 for log, z &lt; 0 for √, z = 0 for 1/x).</summary>
    public static double Apply(SymbolicFunction f, double z) => f switch
    {
        SymbolicFunction.Zero => 0,
        SymbolicFunction.Constant => 0,
        SymbolicFunction.X => z,
        SymbolicFunction.X2 => z * z,
        SymbolicFunction.X3 => z * z * z,
        SymbolicFunction.X4 => z * z * z * z,
        SymbolicFunction.Inverse => z == 0 ? double.NaN : 1 / z,
        SymbolicFunction.Sqrt => z < 0 ? double.NaN : Math.Sqrt(z),
        SymbolicFunction.Exp => Math.Exp(z),
        SymbolicFunction.Log => z <= 0 ? double.NaN : Math.Log(z),
        SymbolicFunction.Sin => Math.Sin(z),
        SymbolicFunction.Cos => Math.Cos(z),
        SymbolicFunction.Tan => Math.Abs(z) >= Math.PI / 2 ? double.NaN : Math.Tan(z),
        SymbolicFunction.Tanh => Math.Tanh(z),
        _ => Math.Abs(z),
    };
}

/// <summary>
/// One edge function replaced by <c>C·f(A·x + B) + D</c>, with the fit's coefficient of determination
/// R² = 1 − Σ(y − fit)² / Σ(y − ȳ)² on the samples (1 when the samples are constant and fitted exactly).
/// </summary>
public sealed record EdgeFit(SymbolicFunction Function, double A, double B, double C, double D, double RSquared)
{
    /// <summary>The fitted function at x.</summary>
    public double Evaluate(double x) => Function switch
    {
        SymbolicFunction.Zero => 0,
        SymbolicFunction.Constant => D,
        _ => C * SymbolicFunctions.Apply(Function, A * x + B) + D,
    };

    /// <summary>The function's short name (see <see cref="SymbolicFunctions.Name"/>).</summary>
    public string Name => SymbolicFunctions.Name(Function);
}
