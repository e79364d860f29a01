using System.Numerics.Tensors;

namespace KanPde.Core.LinearAlgebra;

/// <summary>
/// Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (row-major, n×n), in place,
/// and solves with the factor.
/// </summary>
public static class Cholesky
{
    private const int Block = 64;

    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> with L (the strict upper triangle is used as
    /// scratch and left undefined). Returns false, leaving <paramref name="a"/> partly overwritten, when A is
    /// not numerically positive definite. Blocked: the trailing update of each 64-column panel is one
    /// matrix product.
    /// </summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        if (a.Length < n * n)
        {
            throw new ArgumentException("Matrix buffer shorter than n×n.", nameof(a));
        }

        var panel = new double[Math.Max(0, n - Block) * Block];
        var transposed = new double[panel.Length];
        for (int j0 = 0; j0 < n; j0 += Block)
        {
            int nb = Math.Min(Block, n - j0);
            if (!FactorDiagonal(a, n, j0, nb))
            {
                return false;
            }

            int m = n - j0 - nb;
            if (m == 0)
            {
                break;
            }

            // Panel rows below the block: L[i, j0..j0+nb) = A[i, ·]·L_diag⁻ᵀ (forward substitution per row).
            for (int i = j0 + nb; i < n; i++)
            {
                Span<double> row = a.Slice(i * n + j0, nb);
                for (int j = 0; j < nb; j++)
                {
                    double sum = row[j] - Reduction.Dot(row[..j], a.Slice((j0 + j) * n + j0, j));
                    row[j] = sum / a[(j0 + j) * n + j0 + j];
                }
            }

            // Trailing update A[i, j] −= Σ_q L[i, q]·L[j, q] for i, j ≥ j0 + nb: one product −P·Pᵀ
            // (the whole square; the upper half is scratch).
            Span<double> p = panel.AsSpan(0, m * nb), pt = transposed.AsSpan(0, m * nb);
            for (int i = 0; i < m; i++)
            {
                TensorPrimitives.Negate(a.Slice((j0 + nb + i) * n + j0, nb), p.Slice(i * nb, nb));
            }

            Gemm.Transpose(p, m, nb, pt);
            TensorPrimitives.Negate(pt, pt);
            Gemm.MultiplyAdd(p, nb, pt, m, a[((j0 + nb) * n + j0 + nb)..], n, m, nb, m);
        }

        return true;
    }

    // Unblocked factorisation of the (already updated) diagonal block at (j0, j0) of size nb.
    private static bool FactorDiagonal(Span<double> a, int n, int j0, int nb)
    {
        for (int j = j0; j < j0 + nb; j++)
        {
            Span<double> rowJ = a.Slice(j * n + j0, j - j0);
            double d = a[j * n + j] - Reduction.Dot(rowJ, rowJ);
            if (!(d > 0) || !double.IsFinite(d))
            {
                return false;
            }

            double ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            double inv = 1 / ljj;
            for (int i = j + 1; i < j0 + nb; i++)
            {
                a[i * n + j] = (a[i * n + j] - Reduction.Dot(a.Slice(i * n + j0, j - j0), rowJ)) * inv;
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
