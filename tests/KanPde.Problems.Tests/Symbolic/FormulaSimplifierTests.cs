using KanPde.Problems.Expressions;
using KanPde.Problems.Symbolic;

namespace KanPde.Problems.Tests.Symbolic;

public sealed class FormulaSimplifierTests
{
    private static Node Simplified(string text) => FormulaSimplifier.Simplify(SymbolicTestKit.Parse(text, "x", "y"));

    [Theory]
    [InlineData("(sin(x) + y)^2 - (sin(x) - y)^2", "4*y*sin(x)")]
    [InlineData("2*x*x + 3 - x^2 - 1", "x^2 + 2")]
    [InlineData("x*(y + 1) - x*y", "x")]
    [InlineData("cos(pi*x - pi/2)", "sin(pi*x)")]
    [InlineData("sin(pi - pi*y)", "sin(pi*y)")]
    [InlineData("cos(-2*x)", "cos(2*x)")]
    [InlineData("0.25*(sin(pi*x) + sin(pi*y))^2 - 0.25*(sin(pi*x) - sin(pi*y))^2", "sin(pi*x)*sin(pi*y)")]
    public void Simplify_Identity_SameCanonicalForm(string input, string expected)
    {
        Assert.Equal(Simplified(expected), Simplified(input));
    }

    [Theory]
    [InlineData("(x + 2*y)^3 - x/(y + 3)")]
    [InlineData("exp(0.5*x - (x - 1)/2)*sqrt(y + 2) - tanh(-x)")]
    [InlineData("(x + y + 1)^4*(x - 1)^3 + 1/(x + 2)^2")]
    public void Simplify_AnyExpression_SameValues(string input)
    {
        Node original = SymbolicTestKit.Parse(input, "x", "y"), simplified = Simplified(input);
        foreach ((double x, double y) in new[] { (0.3, -0.7), (-0.9, 0.2), (0.55, 0.81) })
        {
            double expected = original.Evaluate([x, y]);
            Assert.Equal(expected, simplified.Evaluate([x, y]), 1e-12 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Fact]
    public void Simplify_Result_PrintsWithoutRedundancy()
    {
        Assert.Equal("x^2 + 2", FormulaPrinter.Print(Simplified("2*x*x + 3 - x^2 - 1")));
    }
}
