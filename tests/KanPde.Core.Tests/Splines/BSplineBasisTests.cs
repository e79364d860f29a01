using KanPde.Core.Splines;

namespace KanPde.Core.Tests.Splines;

public sealed class BSplineBasisTests
{
    // The cubic cardinal B-spline on knots 0,1,2,3,4 (closed form, de Boor, "A Practical Guide to Splines", ch. IX).
    private static double CardinalCubic(double s) => s switch
    {
        < 0 => 0,
        < 1 => s * s * s / 6,
        < 2 => (-3 * s * s * s + 12 * s * s - 12 * s + 4) / 6,
        < 3 => (3 * s * s * s - 24 * s * s + 60 * s - 44) / 6,
        < 4 => (4 - s) * (4 - s) * (4 - s) / 6,
        _ => 0,
    };

    // Cox–de Boor's recursion straight from the definition: an independent reference.
    private static double CoxDeBoor(ReadOnlySpan<double> t, int i, int k, double x)
    {
        if (k == 0)
        {
            return t[i] <= x && x < t[i + 1] ? 1 : 0;
        }

        double a = t[i + k] > t[i] ? (x - t[i]) / (t[i + k] - t[i]) * CoxDeBoor(t, i, k - 1, x) : 0;
        double b = t[i + k + 1] > t[i + 1] ? (t[i + k + 1] - x) / (t[i + k + 1] - t[i + 1]) * CoxDeBoor(t, i + 1, k - 1, x) : 0;
        return a + b;
    }

    public static TheoryData<bool> Paths => new() { true, false };

    private static KnotVector Uniform(double low, double high, int g, int k, bool uniformPath)
    {
        var grid = new double[g + 1];
        for (int i = 0; i <= g; i++)
        {
            grid[i] = low + (high - low) * i / g;
        }

        return uniformPath ? KnotVector.Uniform(low, high, g, k) : KnotVector.FromGrid(grid, k, detectUniform: false);
    }

    private static double[] Full(KnotVector knots, double x, int derivative)
    {
        int w = knots.Order + 1;
        var values = new double[w * 4];
        int start = BSplineBasis.Evaluate(knots, x, 3, values);
        var full = new double[knots.BasisCount];
        for (int m = 0; m < w; m++)
        {
            full[start + m] += values[derivative * w + m];
        }

        return full;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Evaluate_CubicUniform_MatchesClosedForm(bool uniformPath)
    {
        // Tolerance 1e-14: both sides are short polynomial evaluations.
        var knots = Uniform(-1, 1, 5, 3, uniformPath);
        double h = 0.4;
        foreach (double x in new[] { -1.7, -1.0, -0.93, -0.2, 0.0, 0.31, 0.99, 1.55 })
        {
            double[] full = Full(knots, x, 0);
            for (int i = 0; i < knots.BasisCount; i++)
            {
                double s = (x - knots[i]) / h; // basis i is the cardinal spline shifted to t_i
                Assert.Equal(CardinalCubic(s), full[i], 1e-14);
            }
        }
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 7)]
    [InlineData(4, 3)]
    [InlineData(5, 10)]
    public void Evaluate_InsideGrid_PartitionOfUnity(int k, int g)
    {
        // Σ B_i = 1 on [t_k, t_{G+k}] (and derivatives of the sum vanish); tolerance 1e-13.
        foreach (bool uniformPath in new[] { true, false })
        {
            var knots = Uniform(0, 2, g, k, uniformPath);
            for (int n = 0; n <= 50; n++)
            {
                double x = 2.0 * n / 50 * 0.9999999;
                Assert.Equal(1.0, Full(knots, x, 0).Sum(), 1e-13);
                Assert.Equal(0.0, Full(knots, x, 1).Sum(), 1e-10);
                Assert.Equal(0.0, Full(knots, x, 2).Sum(), 1e-8);
            }
        }
    }

    [Fact]
    public void Evaluate_NonUniformKnots_MatchesCoxDeBoor()
    {
        // Tolerance 1e-13 against the textbook recursion, including the padding regions.
        double[] grid = { -1.0, -0.7, -0.55, 0.1, 0.2, 0.65, 1.0 };
        for (int k = 2; k <= 4; k++)
        {
            var knots = KnotVector.FromGrid(grid, k);
            Assert.False(knots.IsUniform);
            double[] t = knots.Knots.ToArray();
            for (int n = 0; n <= 200; n++)
            {
                double x = t[0] - 0.1 + (t[^1] - t[0] + 0.2) * n / 200;
                double[] full = Full(knots, x, 0);
                for (int i = 0; i < knots.BasisCount; i++)
                {
                    Assert.Equal(CoxDeBoor(t, i, k, x), full[i], 1e-13);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Evaluate_Derivatives_MatchCentralDifferences(bool uniformPath)
    {
        // Central differences with step 1e-5 have error O(h²·B⁽ʳ⁺²⁾) + O(ε/h): tolerance 1e-6 relative
        // to the size of the derivative (and the step never crosses a knot).
        double[] grid = { -1.0, -0.6, -0.45, 0.0, 0.3, 0.62, 1.0 };
        foreach (int k in new[] { 2, 3, 4 })
        {
            var knots = uniformPath ? KnotVector.Uniform(-1, 1, 7, k) : KnotVector.FromGrid(grid, k);
            double[] t = knots.Knots.ToArray();
            for (int n = 0; n < 97; n++)
            {
                double x = t[0] + (t[^1] - t[0]) * (n + 0.37) / 97;
                const double h = 1e-5;
                if (t.Any(knot => Math.Abs(knot - x) < 2 * h))
                {
                    continue;
                }

                for (int r = 1; r <= Math.Min(3, k); r++)
                {
                    double[] plus = Full(knots, x + h, r - 1);
                    double[] minus = Full(knots, x - h, r - 1);
                    double[] exact = Full(knots, x, r);
                    double scale = exact.Max(Math.Abs) + 1;
                    for (int i = 0; i < exact.Length; i++)
                    {
                        double fd = (plus[i] - minus[i]) / (2 * h);
                        Assert.True(Math.Abs(fd - exact[i]) <= 1e-6 * scale * Math.Pow(10, r - 1),
                            $"k={k} r={r} i={i} x={x}: fd {fd} exact {exact[i]}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Evaluate_OutsideKnots_IsZero()
    {
        var knots = KnotVector.Uniform(-1, 1, 5, 3);
        var values = new double[16];
        values.AsSpan().Fill(7);
        int start = BSplineBasis.Evaluate(knots, 5.0, 3, values);
        Assert.InRange(start, 0, knots.Intervals - 1);
        Assert.All(values, v => Assert.Equal(0.0, v));
        BSplineBasis.Evaluate(knots, double.NaN, 3, values);
        Assert.All(values, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Evaluate_Window_AlwaysInsideBasisRange()
    {
        var knots = KnotVector.Uniform(-1, 1, 3, 3);
        var values = new double[16];
        for (int n = -100; n <= 100; n++)
        {
            int start = BSplineBasis.Evaluate(knots, n / 40.0, 2, values);
            Assert.InRange(start, 0, knots.BasisCount - knots.Order - 1);
        }
    }
}
