using KanPde.Problems.Expressions;
using KanPde.Problems.Expressions.Syntax;

namespace KanPde.Problems.Tests.Expressions;

public sealed class ParserTests
{
    private static readonly Scope XY = new() { Variables = ["x", "y"], AllowVariables = true, AllowU = true };

    private static double Eval(string text, double x = 0.3, double y = -0.7)
    {
        Node? node = Binder.ParseAndBind(text, XY, out IReadOnlyList<ExpressionError> errors);
        Assert.True(node is not null, string.Join("; ", errors.Select(e => $"{e.Offset}: {e.Message}")));
        return node.Evaluate([x, y]);
    }

    [Theory]
    [InlineData("-x^2", -0.09)]                 // ^ binds tighter than unary minus
    [InlineData("(-x)^2", 0.09)]
    [InlineData("2^3^2", 512)]                  // right-associative: 2^9
    [InlineData("2**3**2", 512)]
    [InlineData("2^-1", 0.5)]
    [InlineData("8/4*2", 4)]                    // a/b*c = (a/b)*c
    [InlineData("8/4/2", 1)]
    [InlineData("10-4-3", 3)]
    [InlineData("2+3*4", 14)]
    [InlineData("-2^2", -4)]
    [InlineData("--3", 3)]
    [InlineData("+3 - -2", 5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e-3", 0.001)]
    [InlineData("2.5E+2", 250)]
    [InlineData("3.", 3)]
    [InlineData("2*pi", 2 * Math.PI)]
    [InlineData("e", Math.E)]
    [InlineData("x*y", 0.3 * -0.7)]
    public void Evaluate_Text_FollowsPrecedenceAndAssociativity(string text, double expected)
    {
        Assert.Equal(expected, Eval(text), 14);
    }

    public static TheoryData<string, double> Functions => new()
    {
        { "sin(x)", Math.Sin(0.3) },
        { "cos(x)", Math.Cos(0.3) },
        { "tan(x)", Math.Tan(0.3) },
        { "asin(x)", Math.Asin(0.3) },
        { "acos(x)", Math.Acos(0.3) },
        { "atan(x)", Math.Atan(0.3) },
        { "sinh(x)", Math.Sinh(0.3) },
        { "cosh(x)", Math.Cosh(0.3) },
        { "tanh(x)", Math.Tanh(0.3) },
        { "exp(x)", Math.Exp(0.3) },
        { "log(x)", Math.Log(0.3) },
        { "sqrt(x)", Math.Sqrt(0.3) },
        { "abs(y)", 0.7 },
        { "pow(x, y)", Math.Pow(0.3, -0.7) },
        { "min(x, y)", -0.7 },
        { "max(x, y)", 0.3 },
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Evaluate_EveryFunction_MatchesMath(string text, double expected)
    {
        Assert.Equal(expected, Eval(text), 14);
    }

    [Theory]
    [InlineData("x +", 3, "the expression ends too soon")]
    [InlineData("2x", 1, "expected an operator")]
    [InlineData("(x", 2, "expected ')'")]
    [InlineData("x)", 1, "no matching '('")]
    [InlineData("1e", 1, "no digits in its exponent")]
    [InlineData("x = 1", 2, "not an equation")]
    [InlineData("x ? 1", 2, "unexpected character '?'")]
    [InlineData("sin()", 0, "takes 1 argument, not 0")]
    [InlineData("foo(x)", 0, "unknown function 'foo'")]
    [InlineData("x + q", 4, "unknown name 'q'")]
    [InlineData("1 + sin", 4, "'sin' is a function")]
    [InlineData("x(2)", 0, "'x' is not a function")]
    [InlineData("u_", 0, "'u_' needs the variables")]
    public void ParseAndBind_Mistake_ReportsOffsetAndMessage(string text, int offset, string gist)
    {
        Node? node = Binder.ParseAndBind(text, XY, out IReadOnlyList<ExpressionError> errors);

        Assert.Null(node);
        ExpressionError error = Assert.Single(errors);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(gist, error.Message);
    }

    [Fact]
    public void ParseAndBind_SeveralUnknownNames_ReportsEach()
    {
        Binder.ParseAndBind("a + x*b", XY, out IReadOnlyList<ExpressionError> errors);

        Assert.Equal([0, 6], errors.Select(e => e.Offset));
    }

    [Fact]
    public void ParseEquation_Sides_SplitAtEquals()
    {
        EquationSyntax? equation = Parser.ParseEquation("u_xx + u_yy = -2*x", out ExpressionError? error);

        Assert.Null(error);
        Assert.NotNull(equation);
        Assert.Equal(12, equation.EqualsOffset);
        Assert.IsType<BinarySyntax>(equation.Left);
    }

    [Fact]
    public void Bind_Derivatives_AreOrderFreeAndNamedInVariableOrder()
    {
        Node? a = Binder.ParseAndBind("u_yx", XY, out _);
        Node? b = Binder.ParseAndBind("u_xy", XY, out _);

        Assert.Equal(a, b);
        Assert.Equal("u_xy", a!.ToString());
    }

    [Theory]
    [InlineData("-x^2")]
    [InlineData("(x - y) - (x - 2*y)")]
    [InlineData("x/(y*2)^3^x")]
    [InlineData("-(x + y)*sin(-x)/(1 - y)")]
    [InlineData("2^-x - x^-2")]
    public void ToString_Printed_ParsesBackToSameValue(string text)
    {
        Node node = Binder.ParseAndBind(text, XY, out _)!;

        Assert.Equal(Eval(text), Eval(node.ToString()), 13);
    }
}
