using System.Numerics.Tensors;

namespace KanPde.Core.LinearAlgebra;

/// <summary>
/// Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (row-major, n×n), in place,
/// and solves with the factor.
/// </summary>
public static class Cholesky
{
    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> with L (the strict upper triangle is left as it
    /// was). Returns false, leaving <paramref name="a"/> partly overwritten, when A is not numerically
    /// positive definite.
    /// </summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        if (a.Length < n * n)
        {
            throw new ArgumentException("Matrix buffer shorter than n×n.", nameof(a));
        }

        for (int j = 0; j < n; j++)
        {
            Span<double> rowJ = a.Slice(j * n, j);
            double d = a[j * n + j] - TensorPrimitives.Dot(rowJ, rowJ);
            if (!(d > 0) || !double.IsFinite(d))
            {
                return false;
            }

            double ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            double inv = 1 / ljj;
            for (int i = j + 1; i < n; i++)
            {
                // L[i,j] = (A[i,j] − Σ_{q<j} L[i,q]·L[j,q]) / L[j,j]
                a[i * n + j] = (a[i * n + j] - TensorPrimitives.Dot(a.Slice(i * n, j), rowJ)) * inv;
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place for <paramref name="rhs"/> right-hand sides stored as b[i * rhs + r].</summary>
    public static void Solve(ReadOnlySpan<double> factor, int n, Span<double> b, int rhs = 1)
    {
        if (factor.Length < n * n || b.Length < n * rhs)
        {
            throw new ArgumentException("Buffers shorter than their shapes.");
        }

        for (int r = 0; r < rhs; r++)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = b[i * rhs + r];
                for (int q = 0; q < i; q++)
                {
                    sum -= factor[i * n + q] * b[q * rhs + r];
                }

                b[i * rhs + r] = sum / factor[i * n + i];
            }

            for (int i = n - 1; i >= 0; i--)
            {
                double sum = b[i * rhs + r];
                for (int q = i + 1; q < n; q++)
                {
                    sum -= factor[q * n + i] * b[q * rhs + r];
                }

                b[i * rhs + r] = sum / factor[i * n + i];
            }
        }
    }
}
