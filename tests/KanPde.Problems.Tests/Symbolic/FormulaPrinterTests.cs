using KanPde.Problems.Expressions;
using KanPde.Problems.Symbolic;

namespace KanPde.Problems.Tests.Symbolic;

public sealed class FormulaPrinterTests
{
    [Theory]
    [InlineData(Math.PI, "pi")]
    [InlineData(-Math.PI, "-pi")]
    [InlineData(Math.PI / 2, "pi/2")]
    [InlineData(3 * Math.PI, "3*pi")]
    [InlineData(0.1, "0.1")]
    public void Print_Constant_NiceTextForMultiplesOfPi(double value, string expected)
    {
        Assert.Equal(expected, FormulaPrinter.Print(Node.Number(value)));
    }

    [Fact]
    public void Print_FormulaWithNiceAndFittedConstants_ParsesBackToTheSameTree()
    {
        var x = new VariableNode(0, "x");
        var y = new VariableNode(1, "y");
        Node formula = Node.Sum(
            Node.Product(Node.Number(-Math.PI / 2), Node.Call(FunctionKind.Sin, Node.Sum(Node.Product(Node.Number(3 * Math.PI), x), Node.Number(0.123456789012345)))),
            Node.Quotient(Node.Power(Node.Difference(y, Node.Number(Math.Pow(Math.PI, 2) / 4)), Node.Number(2)), Node.Sum(x, Node.Number(-Math.PI))));

        string text = FormulaPrinter.Print(formula);
        Node parsed = SymbolicTestKit.Parse(text, "x", "y");

        Assert.Equal(formula, parsed);
    }

    [Theory]
    [InlineData(3.1415926, Math.PI)]
    [InlineData(0.9999999997, 1.0)]
    [InlineData(-1.5707963, -Math.PI / 2)]
    [InlineData(1e-9, 0.0)]
    public void Nearest_CloseToANiceValue_ThatValue(double value, double nice)
    {
        Assert.Equal(nice, NiceNumbers.Nearest(value));
    }

    [Fact]
    public void Nearest_FarFromNiceValues_None()
    {
        Assert.Null(NiceNumbers.Nearest(0.3713));
    }
}
