using KanPde.Runner.Plotting.Scales;

namespace KanPde.Runner.Tests.Plotting.Scales;

public sealed class TicksTests
{
    [Theory]
    [InlineData(0, 300, 8)]
    [InlineData(-0.98, 0.98, 6)]
    [InlineData(0.1, 0.7, 10)]
    [InlineData(1234, 98765, 5)]
    [InlineData(-3e-7, 2e-6, 7)]
    public void Linear_Extended_StepIsOneTwoFiveAndTicksCoverData(double min, double max, int maxCount)
    {
        TickSet t = Ticks.Linear(new Interval(min, max), maxCount, extend: true);

        Assert.InRange(t.Major.Count, 2, maxCount);
        double exponent = Math.Floor(Math.Log10(t.Step));
        double mantissa = Math.Round(t.Step / Math.Pow(10, exponent), 9);
        Assert.Contains(mantissa, new[] { 1.0, 2.0, 5.0 });
        foreach (double v in t.Major)
        {
            double k = v / t.Step;
            Assert.Equal(Math.Round(k), k, 9);
        }

        Assert.True(t.Major[0] <= min && t.Major[^1] >= max);
        Assert.Equal(t.Major[0], t.Range.Min);
        Assert.Equal(t.Major[^1], t.Range.Max);
    }

    [Fact]
    public void Linear_DecimalSteps_ValuesAreNearestDoublesOfTheDecimals()
    {
        TickSet t = Ticks.Linear(new Interval(0, 1), 11, extend: true);

        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], t.Major);
    }

    [Fact]
    public void Linear_NotExtended_TicksStayInsideAndRangeIsKept()
    {
        var data = new Interval(-0.005, 1.005);

        TickSet t = Ticks.Linear(data, 6, extend: false);

        Assert.Equal(data, t.Range);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], t.Major);
    }

    [Fact]
    public void Linear_EmptyInterval_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ticks.Linear(new Interval(2, 2), 5, true));
    }

    [Fact]
    public void Log_Extended_PowersOfTenCoverTheData()
    {
        TickSet t = Ticks.Log(new Interval(3.2e-7, 0.4), 10, extend: true);

        Assert.Equal([1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1], t.Major);
        Assert.Equal(new Interval(1e-7, 1), t.Range);
        Assert.Equal(1, t.Step);
    }

    [Fact]
    public void Log_WithinOneDecade_WidensToTheEnclosingDecade()
    {
        TickSet t = Ticks.Log(new Interval(300, 750), 10, extend: true);

        Assert.Equal([100, 1000], t.Major);
    }

    [Fact]
    public void Log_ManyDecades_ThinsToEveryNthDecadeWithinMaxCount()
    {
        TickSet t = Ticks.Log(new Interval(1e-16, 1e2), 5, extend: true);

        Assert.InRange(t.Major.Count, 2, 5);
        Assert.All(t.Major, v => Assert.Equal(0, Math.Round(Math.Log10(v)) % t.Step));
        Assert.Empty(t.Minor);
    }

    [Fact]
    public void Log_FewDecades_HasMinorTicksAtTwoToNine()
    {
        TickSet t = Ticks.Log(new Interval(1, 100), 10, extend: true);

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90], t.Minor);
    }

    [Fact]
    public void Log_NonPositiveInterval_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ticks.Log(new Interval(0, 1), 5, true));
    }

    [Theory]
    [InlineData(-6, 1e-6)]
    [InlineData(0, 1.0)]
    [InlineData(3, 1000.0)]
    public void PowerOfTen_Integer_IsNearestDouble(int k, double expected)
    {
        Assert.Equal(expected, Ticks.PowerOfTen(k));
    }
}
