using KanPde.Core.Networks;

namespace KanPde.Core.Tests.Networks;

/// <summary>
/// Pins the reproducibility of the activations: an element's four results depend on its own value only, whatever
/// its neighbours, the span's length or where the buffer lies in memory. TensorPrimitives' Sin/Tanh/Sigmoid called
/// directly fail this (lane-dependent scalar fallbacks and paths, narrower kernels for short spans).
/// </summary>
public sealed class ActivationBlockTests
{
    // Magnitudes that exercise every path: small (sine's no-reduction path flips with the lanes' range), O(1),
    // beyond tanh's saturation, beyond exp's vector range, and huge.
    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        double[] scales = [0.01, 0.7, 1, 3, 30, 400, 1e3, 1e4, 1e7];
        return [.. Enumerable.Range(0, count).Select(i => (2 * random.NextDouble() - 1) * scales[random.Next(scales.Length)])];
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sin)]
    [InlineData(Activation.Silu)]
    [InlineData(Activation.Softplus)]
    public void Evaluate_AnyLengthAndOffset_EachElementEqualsItsValueAlone(Activation activation)
    {
        double[] values = Values(300, 5);
        var alone = new double[values.Length * 4];
        for (int p = 0; p < values.Length; p++)
        {
            Activations.Evaluate(activation, values[p], alone.AsSpan(p * 4, 4));
        }

        foreach (int length in new[] { 1, 2, 3, 5, 7, 8, 9, 13, 31, 64, 65, 127, 128, 200, 300 })
        {
            for (int offset = 0; offset < 8; offset++)
            {
                int start = (length * 7 + offset * 3) % (values.Length - length + 1);
                var input = new double[offset + length];
                values.AsSpan(start, length).CopyTo(input.AsSpan(offset));
                var output = new double[offset + 4 * length];
                ActivationBlock.Evaluate(activation, input.AsSpan(offset, length), output.AsSpan(offset, 4 * length));
                for (int p = 0; p < length; p++)
                {
                    for (int r = 0; r < 4; r++)
                    {
                        double expected = alone[(start + p) * 4 + r], actual = output[offset + r * length + p];
                        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                            $"{activation} d{r} at x = {values[start + p]:R} (length {length}, offset {offset}): {actual:R} vs {expected:R} alone");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sin)]
    [InlineData(Activation.Silu)]
    [InlineData(Activation.Softplus)]
    public void Evaluate_Values_MatchScalarClosedForms(Activation activation)
    {
        // Reference: Math's functions. The vector kernels are accurate to a few units of 1e-16 in absolute terms for
        // |f| ≤ 1 (TensorPrimitives' tanh loses relative accuracy near 0, not absolute) and relative beyond.
        double[] values = Values(300, 9);
        var output = new double[4 * values.Length];
        ActivationBlock.Evaluate(activation, values, output);
        for (int p = 0; p < values.Length; p++)
        {
            double x = values[p], sigma = 1 / (1 + Math.Exp(-x));
            double expected = activation switch
            {
                Activation.Tanh => Math.Tanh(x),
                Activation.Sin => Math.Sin(x),
                Activation.Silu => x * sigma,
                Activation.Softplus => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x))),
                _ => throw new ArgumentOutOfRangeException(nameof(activation)),
            };
            Assert.True(Math.Abs(output[p] - expected) <= 4e-16 * Math.Max(1, Math.Abs(expected)), $"{activation}({x:R}) = {output[p]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void ElementwiseMath_BeyondTheClampLimits_ResultsAreSaturated()
    {
        double[] x = [-1e308, -1e4, -ElementwiseMath.TanhSaturation, ElementwiseMath.TanhSaturation, 1e4, 1e308, 0, 0, 0];
        var t = new double[x.Length];
        var s = new double[x.Length];
        ElementwiseMath.Tanh(x, t);
        ElementwiseMath.Sigmoid(x, s);
        Assert.Equal([-1.0, -1.0, -1.0, 1.0, 1.0, 1.0], t[..6].Select(v => Math.Round(v, 15)));
        Assert.True(s[0] is > 0 and < 1e-300 && s[5] == 1.0);
    }
}
