using KanPde.Runner.Plotting;

namespace KanPde.Runner.Tests.Plotting;

public sealed class ColorMapTests
{
    // Reference colours of viridis at t = 0, 0.5 and 1, as published with matplotlib.
    [Theory]
    [InlineData(0.0, "#440154")]
    [InlineData(0.5, "#21918c")]
    [InlineData(1.0, "#fde725")]
    public void Viridis_AtControlPoints_PublishedColours(double t, string hex)
    {
        Assert.Equal(hex, ColorMap.Viridis.At(t).ToHex());
    }

    [Theory]
    [InlineData(-3.0, "#440154")]
    [InlineData(double.NaN, "#440154")]
    [InlineData(7.0, "#fde725")]
    public void At_OutsideUnitInterval_Clamps(double t, string hex)
    {
        Assert.Equal(hex, ColorMap.Viridis.At(t).ToHex());
    }

    [Fact]
    public void Viridis_Luminance_IncreasesMonotonically()
    {
        // Viridis is designed with monotonically increasing lightness; Rec. 709 luma is a fair proxy.
        static double Luma(Rgb c) => 0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B;
        double previous = double.NegativeInfinity;
        for (int k = 0; k <= 100; k++)
        {
            double l = Luma(ColorMap.Viridis.At(k / 100.0));
            Assert.True(l >= previous, $"luma fell at t = {k / 100.0}");
            previous = l;
        }
    }

    [Fact]
    public void At_BetweenTwoStops_InterpolatesLinearly()
    {
        var map = new ColorMap("grey", [new Rgb(0, 0, 0), new Rgb(200, 100, 50)]);

        Assert.Equal(new Rgb(50, 25, 13), map.At(0.25));
    }

    [Fact]
    public void Constructor_OneStop_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorMap("x", [new Rgb(1, 2, 3)]));
    }

    [Theory]
    [InlineData("#0072b2")]
    [InlineData("d55e00")]
    public void RgbParse_Hex_RoundTrips(string hex)
    {
        Assert.Equal("#" + hex.TrimStart('#'), Rgb.Parse(hex).ToHex());
    }

    [Theory]
    [InlineData("#12345")]
    [InlineData("#12345g")]
    public void RgbParse_Malformed_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => Rgb.Parse(hex));
    }
}
