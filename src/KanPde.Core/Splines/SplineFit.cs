using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace KanPde.Core.Splines;

/// <summary>
/// Coefficients from a curve: the least-squares spline Σ c_m·B_m on given knots through sampled values
/// (the KAN paper's eq. 2.16, used for grid extension and grid update).
/// </summary>
public static class SplineFit
{
    /// <summary>
    /// For each of <paramref name="curves"/> sampled curves, effectively finds c minimising
    /// Σ_p (Σ_m c_m·B_m(x_p) − y[p * curves + r])² + λ‖c‖², and writes c_m of curve r to
    /// <c>coefficients[m * curves + r]</c>. The tiny ridge λ (1e-12 of the mean squared column norm of the
    /// basis matrix) keeps basis functions with no samples under their support at zero instead of leaving
    /// them undetermined.
    /// </summary>
    /// <remarks>
    /// Solved by Householder QR (MathNet.Numerics) of the basis matrix stacked on √λ·I, not by the normal
    /// equations: their condition number is the square of the basis matrix's. Cost O(N·(G + k)²) for N
    /// samples, off the training loop (once per grid change).
    /// </remarks>
    public static void LeastSquares(KnotVector knots, ReadOnlySpan<double> x, ReadOnlySpan<double> y, int curves, Span<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(knots);
        int nb = knots.BasisCount, w = knots.Order + 1, samples = x.Length;
        if (y.Length != samples * curves || coefficients.Length != nb * curves)
        {
            throw new ArgumentException("Sample or coefficient buffers do not match their shapes.");
        }

        // [B; √λ I] c = [y; 0], column-major storage as MathNet keeps it.
        int rows = samples + nb;
        var a = new double[rows * nb];
        var b = new double[rows * curves];
        Span<double> basis = stackalloc double[w * (BSplineBasis.MaxDerivative + 1)];
        double squares = 0;
        for (int p = 0; p < samples; p++)
        {
            int start = BSplineBasis.Evaluate(knots, x[p], 0, basis);
            for (int q = 0; q < w; q++)
            {
                a[(start + q) * rows + p] = basis[q];
                squares += basis[q] * basis[q];
            }

            for (int r = 0; r < curves; r++)
            {
                b[r * rows + p] = y[p * curves + r];
            }
        }

        double ridge = Math.Sqrt(1e-12 * Math.Max(squares / nb, double.Epsilon));
        for (int m = 0; m < nb; m++)
        {
            a[m * rows + samples + m] = ridge;
        }

        Matrix<double> solution = Matrix<double>.Build.Dense(rows, nb, a).QR(QRMethod.Thin).Solve(Matrix<double>.Build.Dense(rows, curves, b));
        for (int m = 0; m < nb; m++)
        {
            for (int r = 0; r < curves; r++)
            {
                coefficients[m * curves + r] = solution[m, r];
            }
        }
    }
}
