using KanPde.Core.Derivatives;
using KanPde.Problems.Expressions;

namespace KanPde.Problems.Tests.Expressions;

/// <summary>
/// Symbolic derivatives against central finite differences, (f(x+h) − f(x−h)) / 2h with h = 1e-5:
/// truncation error ~h²·f‴ ≈ 1e-10 and rounding ~1e-16/h ≈ 1e-11 for these O(1) functions, so a
/// tolerance of 1e-7 (relative to max(1, |f'|)) leaves a wide margin yet catches any wrong rule.
/// </summary>
public sealed class DifferentiationTests
{
    private const double H = 1e-5;
    private const double Tolerance = 1e-7;
    private static readonly string[] Names = ["x", "y"];
    private static readonly Scope XY = new() { Variables = Names, AllowVariables = true, AllowU = true };

    public static TheoryData<string> Expressions =>
    [
        "sin(x*y)", "cos(2*x) - y", "tan(x) + y", "asin(x*y)", "acos(x - y/3)", "atan(x^2 + y)",
        "sinh(x)*y", "cosh(x + y)", "tanh(3*x*y)", "exp(-x^2)*y", "log(1 + x^2 + y^2)", "sqrt(2 + x*y)",
        "abs(x - y)", "pow(x + 2, y)", "min(x, y^2)", "max(x*y, 0.1)", "x/(1 + y^2)", "(x + 2)^(y + 1)",
        "2^(x*y)", "-x^3 + y^-2", "sin(pi*x)*sin(pi*y^2)",
    ];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void DifferentiateByVariable_FirstAndSecond_MatchCentralDifferences(string text)
    {
        Node f = Bind(text);
        double[] point = [0.37, -0.61];
        for (int i = 0; i < 2; i++)
        {
            Node df = f.DifferentiateByVariable(i, Names);
            AssertClose(CentralDifference(p => f.Evaluate(p), point, i), df.Evaluate(point), text + " d/d" + Names[i]);
            for (int j = 0; j < 2; j++)
            {
                Node d2f = df.DifferentiateByVariable(j, Names);
                AssertClose(CentralDifference(p => df.Evaluate(p), point, j), d2f.Evaluate(point), text + $" d2/d{Names[i]}d{Names[j]}");
            }
        }
    }

    [Theory]
    [InlineData("u^3 - u_xx*sin(u)", "u")]
    [InlineData("u^3 - u_xx*sin(u)", "u_xx")]
    [InlineData("u*u_x + exp(u_y)/(1 + u^2)", "u_x")]
    [InlineData("u*u_x + exp(u_y)/(1 + u^2)", "u_y")]
    [InlineData("sqrt(1 + u_x^2 + u_y^2)", "u_y")]
    [InlineData("x*u_xy - max(u, u_x)", "u")]
    public void DifferentiateByField_Partial_MatchesCentralDifference(string text, string term)
    {
        Node f = Bind(text);
        DerivativeTerm[] terms = [DerivativeTerm.Value, DerivativeTerm.D(0), DerivativeTerm.D(1), DerivativeTerm.D(0, 0), DerivativeTerm.D(0, 1)];
        double[] values = [0.4, -0.3, 0.8, 1.7, -0.9];
        int which = Array.IndexOf(["u", "u_x", "u_y", "u_xx", "u_xy"], term);
        double Value(double[] v) => f.Evaluate([0.25, 0.5], t => v[Array.IndexOf(terms, t)]);

        Node partial = f.DifferentiateByField(terms[which]);

        AssertClose(CentralDifference(Value, values, which), partial.Evaluate([0.25, 0.5], t => values[Array.IndexOf(terms, t)]), text);
    }

    [Fact]
    public void DifferentiateByVariable_FieldTerm_RaisesItsOrder()
    {
        Node f = Bind("u*u_x");

        Node d = f.DifferentiateByVariable(1, Names);

        Assert.Equal("u_y*u_x + u*u_xy", d.ToString());
    }

    [Fact]
    public void DifferentiateByVariable_SecondOrderTerm_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Bind("u_xy").DifferentiateByVariable(0, Names));
    }

    [Theory]
    [InlineData("x^2", "2*x")]
    [InlineData("3*x + y", "3")]
    [InlineData("y", "0")]
    [InlineData("sin(x)", "cos(x)")]
    public void DifferentiateByVariable_Simple_IsSimplified(string text, string expected)
    {
        Assert.Equal(expected, Bind(text).DifferentiateByVariable(0, Names).ToString());
    }

    private static Node Bind(string text) =>
        Binder.ParseAndBind(text, XY, out IReadOnlyList<ExpressionError> errors) ?? throw new InvalidOperationException(errors[0].Message);

    private static double CentralDifference(Func<double[], double> f, double[] at, int index)
    {
        double[] plus = [.. at];
        double[] minus = [.. at];
        plus[index] += H;
        minus[index] -= H;
        return (f(plus) - f(minus)) / (2 * H);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        double error = Math.Abs(expected - actual) / Math.Max(1, Math.Abs(expected));
        Assert.True(error < Tolerance, $"{what}: symbolic {actual}, finite difference {expected}");
    }
}
