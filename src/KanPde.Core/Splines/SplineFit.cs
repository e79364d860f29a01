using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Splines;

/// <summary>
/// Coefficients from a curve: the least-squares spline Σ c_m·B_m on given knots through sampled values
/// (the KAN paper's eq. 2.16, used for grid extension and grid update).
/// </summary>
public static class SplineFit
{
    /// <summary>
    /// For each of <paramref name="curves"/> sampled curves, effectively finds c minimising
    /// Σ_p (Σ_m c_m·B_m(x_p) − y[p * curves + r])², and writes c_m of curve r to
    /// <c>coefficients[m * curves + r]</c>. A tiny ridge (1e-12 of the mean diagonal) keeps basis functions
    /// with no samples under their support at zero instead of making the system singular.
    /// </summary>
    public static void LeastSquares(KnotVector knots, ReadOnlySpan<double> x, ReadOnlySpan<double> y, int curves, Span<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(knots);
        int nb = knots.BasisCount, w = knots.Order + 1;
        if (y.Length != x.Length * curves || coefficients.Length != nb * curves)
        {
            throw new ArgumentException("Sample or coefficient buffers do not match their shapes.");
        }

        var normal = new double[nb * nb];
        coefficients.Clear();
        Span<double> basis = stackalloc double[w * (BSplineBasis.MaxDerivative + 1)];
        for (int p = 0; p < x.Length; p++)
        {
            int start = BSplineBasis.Evaluate(knots, x[p], 0, basis);
            for (int a = 0; a < w; a++)
            {
                double ba = basis[a];
                for (int b = 0; b < w; b++)
                {
                    normal[(start + a) * nb + start + b] += ba * basis[b];
                }

                for (int r = 0; r < curves; r++)
                {
                    coefficients[(start + a) * curves + r] += ba * y[p * curves + r];
                }
            }
        }

        double trace = 0;
        for (int m = 0; m < nb; m++)
        {
            trace += normal[m * nb + m];
        }

        double ridge = 1e-12 * Math.Max(trace / nb, double.Epsilon);
        for (int m = 0; m < nb; m++)
        {
            normal[m * nb + m] += ridge;
        }

        if (!Cholesky.TryFactor(normal, nb))
        {
            throw new InvalidOperationException("Spline least-squares system is not positive definite.");
        }

        Cholesky.Solve(normal, nb, coefficients, curves);
    }
}
