using KanPde.Runner.Plotting.Scales;

namespace KanPde.Runner.Tests.Plotting.Scales;

public sealed class TickLabelTests
{
    [Theory]
    [InlineData(0.30000000000000004, 0.1, "0.3")]
    [InlineData(250, 50, "250")]
    [InlineData(-0.5, 0.5, "\u22120.5")]
    [InlineData(1e-17, 0.2, "0")]
    [InlineData(0.25, 0.05, "0.25")]
    public void ForLinear_OrdinaryNumbers_FixedPointWithTheStepsDecimals(double value, double step, string expected)
    {
        TickLabel label = TickLabel.ForLinear(value, step, 1000);

        Assert.Equal(expected, label.Text);
        Assert.Null(label.Exponent);
    }

    [Theory]
    [InlineData(2e6, 1e6, 1e7, "2×10", "6")]
    [InlineData(1e7, 1e6, 1e7, "1×10", "7")]
    [InlineData(800000, 200000, 1.2e6, "8×10", "5")]
    [InlineData(-3e-5, 1e-5, 3e-5, "\u22123×10", "\u22125")]
    public void ForLinear_AxisWithExtremeNumbers_MantissaTimesPowerOfTen(double value, double step, double largest, string text, string exponent)
    {
        Assert.Equal(new TickLabel(text, exponent), TickLabel.ForLinear(value, step, largest));
    }

    [Theory]
    [InlineData(1e-6, "\u22126")]
    [InlineData(1.0, "0")]
    [InlineData(1e4, "4")]
    public void ForPower_PowerOfTen_TenWithSuperscriptExponent(double value, string exponent)
    {
        Assert.Equal(new TickLabel("10", exponent), TickLabel.ForPower(value));
    }

    [Theory]
    [InlineData(0.123456, "0.123")]
    [InlineData(-2.5, "\u22122.5")]
    [InlineData(12345, "12300")]
    [InlineData(0.0, "0")]
    [InlineData(-0.000202, "\u22122.02e\u22124")]
    public void Compact_Value_ThreeSignificantDigits(double value, string expected)
    {
        Assert.Equal(expected, TickLabel.Compact(value));
    }
}
