using KanPde.Runner.Plotting;
using KanPde.Runner.Plotting.Scales;

namespace KanPde.Runner.Tests.Plotting.Scales;

public sealed class ScaleTests
{
    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0.25)]
    [InlineData(3, 1)]
    public void LinearScale_Fraction_IsAffine(double value, double expected)
    {
        Assert.Equal(expected, new LinearScale(new Interval(-1, 3)).Fraction(value), 12);
    }

    [Theory]
    [InlineData(1e-6, 0)]
    [InlineData(1e-3, 0.5)]
    [InlineData(1, 1)]
    public void LogScale_Fraction_IsLinearInTheExponent(double value, double expected)
    {
        Assert.Equal(expected, new LogScale(new Interval(1e-6, 1)).Fraction(value), 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LogScale_CanShow_NonPositiveOrNonFinite_False(double value)
    {
        Assert.False(new LogScale(new Interval(1, 10)).CanShow(value));
    }

    [Fact]
    public void LogScale_DomainTouchingZero_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LogScale(new Interval(0, 10)));
    }

    [Fact]
    public void LinearScale_EmptyDomain_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LinearScale(new Interval(1, 1)));
    }

    [Fact]
    public void For_LogKind_GivesLogScale()
    {
        Assert.IsType<LogScale>(IScale.For(AxisScale.Log, new Interval(1, 10)));
        Assert.IsType<LinearScale>(IScale.For(AxisScale.Linear, new Interval(1, 10)));
    }

    [Fact]
    public void Enclosing_SkipsRejectedValues_AndIsNullWhenNoneAccepted()
    {
        double[] values = [double.NaN, -2, 0.5, 4, double.PositiveInfinity];

        Assert.Equal(new Interval(0.5, 4), Interval.Enclosing(values, v => v > 0 && double.IsFinite(v)));
        Assert.Null(Interval.Enclosing([double.NaN], double.IsFinite));
    }
}
