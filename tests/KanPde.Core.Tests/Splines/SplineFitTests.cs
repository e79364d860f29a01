using KanPde.Core.Splines;

namespace KanPde.Core.Tests.Splines;

public sealed class SplineFitTests
{
    private static double Spline(KnotVector knots, double[] c, double x)
    {
        Span<double> value = stackalloc double[1];
        BSplineBasis.EvaluateSpline(knots, c, x, 0, value);
        return value[0];
    }

    [Fact]
    public void LeastSquares_SamplesOfASplineOnTheSameKnots_RecoversItsCoefficients()
    {
        // y is exactly a spline on the knots, two curves at once: the fit returns its coefficients; the
        // ridge (1e-12 relative) perturbs them by about 1e-12, so tolerance 1e-9.
        KnotVector knots = KnotVector.Uniform(-1, 2, 40, 3);
        var random = new Random(4);
        double[][] c = [.. Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, knots.BasisCount).Select(_ => random.NextDouble() - 0.5).ToArray())];
        double[] x = [.. Enumerable.Range(0, 500).Select(p => -1 + 3.0 * p / 499)];
        double[] y = [.. x.SelectMany(v => new[] { Spline(knots, c[0], v), Spline(knots, c[1], v) })];
        var fitted = new double[knots.BasisCount * 2];
        SplineFit.LeastSquares(knots, x, y, 2, fitted);
        for (int m = 0; m < knots.BasisCount; m++)
        {
            Assert.Equal(c[0][m], fitted[m * 2], 1e-9);
            Assert.Equal(c[1][m], fitted[m * 2 + 1], 1e-9);
        }
    }

    [Fact]
    public void LeastSquares_NoisyData_ResidualOrthogonalToEveryBasisFunction()
    {
        // The optimality condition of least squares: Bᵀ(B·c − y) = −λ·c ≈ 0. Noisy samples crowded at one
        // end (a badly conditioned basis matrix); tolerance 1e-9 of ‖B‖·‖y‖.
        KnotVector knots = KnotVector.Uniform(0, 1, 25, 3);
        var random = new Random(9);
        double[] x = [.. Enumerable.Range(0, 400).Select(_ => Math.Pow(random.NextDouble(), 3))];
        double[] y = [.. x.Select(v => Math.Sin(7 * v) + 0.1 * (random.NextDouble() - 0.5))];
        var c = new double[knots.BasisCount];
        SplineFit.LeastSquares(knots, x, y, 1, c);
        var projection = new double[knots.BasisCount];
        Span<double> basis = stackalloc double[4 * 4];
        for (int p = 0; p < x.Length; p++)
        {
            int start = BSplineBasis.Evaluate(knots, x[p], 0, basis);
            double residual = Spline(knots, c, x[p]) - y[p];
            for (int q = 0; q < 4; q++)
            {
                projection[start + q] += basis[q] * residual;
            }
        }

        double scale = Math.Sqrt(x.Length) * Math.Sqrt(y.Sum(v => v * v));
        Assert.All(projection, v => Assert.True(Math.Abs(v) <= 1e-9 * scale, $"{v}"));
    }

    [Fact]
    public void LeastSquares_BasisFunctionWithoutSamples_StaysNearZero()
    {
        // Samples only on [0, 0.5]: basis functions supported on (0.5, 1] alone are not determined by the
        // data; the ridge puts them at 0 (to 1e-12) while the data are fitted (to 1e-9).
        KnotVector knots = KnotVector.Uniform(0, 1, 10, 3);
        double[] x = [.. Enumerable.Range(0, 200).Select(p => 0.5 * p / 199)];
        double[] y = [.. x.Select(v => v * v)];
        var c = new double[knots.BasisCount];
        SplineFit.LeastSquares(knots, x, y, 1, c);
        Assert.True(Math.Abs(c[^1]) <= 1e-12 && Math.Abs(c[^2]) <= 1e-12, $"{c[^1]}, {c[^2]}");
        Assert.All(x, v => Assert.Equal(v * v, Spline(knots, c, v), 1e-9));
    }
}
