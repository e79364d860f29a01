using KanPde.Core.Sampling;
using KanPde.Problems.Compilation;
using KanPde.Problems.Loading;

namespace KanPde.Problems.Tests.Expressions.Compilation;

public sealed class ReproducibilityTests
{
    public static TheoryData<string> Functions => new() { "cos", "sin", "tan", "exp", "log", "tanh", "sinh", "cosh", "atan" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Evaluate_TranscendentalFunction_EqualsScalarMathBitForBit(string function)
    {
        // Runs must be reproducible from one process to the next. TensorPrimitives.Cos was not (its vectorised
        // results changed in the last bits between processes), so compiled expressions call the runtime's scalar
        // functions; the vectorised versions also differ from them in the last bit for some inputs, so this
        // comparison pins the choice.
        string text = $"""
            name: repro
            variables:
              x: [0.1, 1.4]
            equation: u_xx = {function}(x)
            conditions: []
            exact: {function}(x)
            mlp: none
            """;
        LoadResult loaded = ProblemLoader.Parse(text, "repro.yaml");
        Assert.NotNull(loaded.Problem);
        CompiledProblem problem = CompiledProblem.Compile(loaded.Problem);
        double[] xs = Enumerable.Range(0, 4001).Select(i => 0.1 + 1.3 * i / 4000).ToArray();
        double[] values = problem.Exact!.Evaluate(new PointSet(1, xs));
        Func<double, double> reference = function switch
        {
            "cos" => Math.Cos, "sin" => Math.Sin, "tan" => Math.Tan, "exp" => Math.Exp, "log" => Math.Log,
            "tanh" => Math.Tanh, "sinh" => Math.Sinh, "cosh" => Math.Cosh, _ => Math.Atan,
        };
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(reference(xs[i])), BitConverter.DoubleToInt64Bits(values[i]));
        }
    }
}
