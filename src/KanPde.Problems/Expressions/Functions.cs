namespace KanPde.Problems.Expressions;

/// <summary>The function table: names as written in files, argument counts, and values.</summary>
public static class Functions
{
    private static readonly Dictionary<string, FunctionKind> ByName = new(StringComparer.Ordinal)
    {
        ["sin"] = FunctionKind.Sin,
        ["cos"] = FunctionKind.Cos,
        ["tan"] = FunctionKind.Tan,
        ["asin"] = FunctionKind.Asin,
        ["acos"] = FunctionKind.Acos,
        ["atan"] = FunctionKind.Atan,
        ["sinh"] = FunctionKind.Sinh,
        ["cosh"] = FunctionKind.Cosh,
        ["tanh"] = FunctionKind.Tanh,
        ["exp"] = FunctionKind.Exp,
        ["log"] = FunctionKind.Log,
        ["sqrt"] = FunctionKind.Sqrt,
        ["abs"] = FunctionKind.Abs,
        ["min"] = FunctionKind.Min,
        ["max"] = FunctionKind.Max,
    };

    /// <summary>Every name a file may call, <c>pow</c> included (it is written as a power).</summary>
    public static IReadOnlyCollection<string> Names { get; } = [.. ByName.Keys, "pow"];

    /// <summary>Whether <paramref name="name"/> is a function a file may call.</summary>
    public static bool IsFunction(string name) => name == "pow" || ByName.ContainsKey(name);

    /// <summary>The function called <paramref name="name"/> (not <c>pow</c>), if any.</summary>
    public static bool TryGet(string name, out FunctionKind kind) => ByName.TryGetValue(name, out kind);

    /// <summary>Number of arguments a function takes.</summary>
    public static int Arity(FunctionKind kind) => kind is FunctionKind.Min or FunctionKind.Max ? 2 : 1;

    /// <summary>The name used in files and when printing.</summary>
    public static string Name(FunctionKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The function's value; <paramref name="b"/> is read only by two-argument functions.</summary>
    public static double Apply(FunctionKind kind, double a, double b = 0) => kind switch
    {
        FunctionKind.Sin => Math.Sin(a),
        FunctionKind.Cos => Math.Cos(a),
        FunctionKind.Tan => Math.Tan(a),
        FunctionKind.Asin => Math.Asin(a),
        FunctionKind.Acos => Math.Acos(a),
        FunctionKind.Atan => Math.Atan(a),
        FunctionKind.Sinh => Math.Sinh(a),
        FunctionKind.Cosh => Math.Cosh(a),
        FunctionKind.Tanh => Math.Tanh(a),
        FunctionKind.Exp => Math.Exp(a),
        FunctionKind.Log => Math.Log(a),
        FunctionKind.Sqrt => Math.Sqrt(a),
        FunctionKind.Abs => Math.Abs(a),
        FunctionKind.Min => Math.Min(a, b),
        FunctionKind.Max => Math.Max(a, b),
        FunctionKind.Sign => double.IsNaN(a) ? double.NaN : Math.Sign(a),
        FunctionKind.Step => a > 0 ? 1 : double.IsNaN(a) ? double.NaN : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
