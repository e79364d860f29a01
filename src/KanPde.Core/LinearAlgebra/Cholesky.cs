using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using KanPde.Core.Parallelism;

namespace KanPde.Core.LinearAlgebra;

/// <summary>
/// Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (row-major, n×n), in place,
/// and solves with the factor.
/// </summary>
/// <remarks>
/// Right-looking and blocked by panels of 64 columns: factor the diagonal block, solve the rows below it,
/// then update the trailing lower triangle by matrix products of row bands. Every entry of L is computed by
/// the same arithmetic whatever the number of threads and however the trailing updates are cut into bands
/// (a product's element does not depend on where it falls in the product, see <see cref="Gemm"/>).
/// </remarks>
public static class Cholesky
{
    private const int Block = 64;
    private const int Band = 40; // rows of the trailing update per product (a multiple of the product kernels' heights)

    [ThreadStatic]
    private static double[]? t_panel, t_diagonal; // per thread: the negated panel rows and diagonal block of the factorisation in progress

    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> with L (the strict upper triangle is used as
    /// scratch and left undefined). Returns false, leaving <paramref name="a"/> partly overwritten, when A is
    /// not numerically positive definite. Blocked: the trailing update of each 64-column panel is a few
    /// matrix products.
    /// </summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        if (a.Length < n * n)
        {
            throw new ArgumentException("Matrix buffer shorter than n×n.", nameof(a));
        }

        double[] panel = Panel(n);
        for (int j0 = 0; j0 < n; j0 += Block)
        {
            int nb = Math.Min(Block, n - j0);
            if (!FactorDiagonal(a, n, j0, nb))
            {
                return false;
            }

            int m = n - j0 - nb;
            SolvePanel(a, n, j0, nb, 0, m, Transposed(a, n, j0, nb), panel);
            for (int band = 0; band < (m + Band - 1) / Band; band++)
            {
                UpdateBand(a, n, j0, nb, m, band, panel);
            }
        }

        return true;
    }

    /// <summary>
    /// As <see cref="TryFactor(Span{double}, int)"/>, with the rows below each diagonal block and the bands of
    /// each trailing update shared out on <paramref name="team"/>; the result is the same bits on any team.
    /// </summary>
    public static bool TryFactor(double[] a, int n, WorkerTeam team)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(team);
        if (a.Length < n * n)
        {
            throw new ArgumentException("Matrix buffer shorter than n×n.", nameof(a));
        }

        double[] panel = Panel(n);
        for (int j0 = 0; j0 < n; j0 += Block)
        {
            int nb = Math.Min(Block, n - j0);
            if (!FactorDiagonal(a, n, j0, nb))
            {
                return false;
            }

            int m = n - j0 - nb, bands = (m + Band - 1) / Band;
            int jb = j0;
            double[] transposed = Transposed(a, n, j0, nb);
            team.Run(bands, band => SolvePanel(a, n, jb, nb, band * Band, Math.Min(m, (band + 1) * Band), transposed, panel));
            // the bands hold work ∝ their last row: the largest first, for balance
            team.Run(bands, band => UpdateBand(a, n, jb, nb, m, bands - 1 - band, panel));
        }

        return true;
    }

    private static double[] Panel(int n)
    {
        int length = Math.Max(0, n - Block) * Block;
        double[]? panel = t_panel;
        if (panel is null || panel.Length < length)
        {
            t_panel = panel = new double[length];
        }

        return panel;
    }

    // Panel rows i0 … i1 − 1 below the diagonal block at j0 (counted from the block's end): L[i, j0..j0+nb) =
    // A[i, ·]·L_diag⁻ᵀ by forward substitution, eight rows at a time in the lanes of two vectors, column by
    // column: x_q = (a_q − Σ_{j<q} L[q, j]·x_j) / L[q, q], one fused multiply–add per j in order (every row by the
    // same arithmetic, wherever it falls). Then their negation into the panel scratch (row i at i·nb).
    // transposed[j * nb + q] = −L[j0 + q, j0 + j] (see Transposed).
    private static void SolvePanel(Span<double> a, int n, int j0, int nb, int i0, int i1, double[] transposed, double[] panel)
    {
        Span<Vector256<double>> x = stackalloc Vector256<double>[2 * Block];
        Span<double> lanes = stackalloc double[8];
        int first = j0 + nb;
        for (int g = i0; g < i1; g += 8)
        {
            int rows = Math.Min(8, i1 - g);
            lanes.Clear();
            for (int q = 0; q < nb; q++)
            {
                for (int r = 0; r < rows; r++)
                {
                    lanes[r] = a[(first + g + r) * n + j0 + q];
                }

                x[2 * q] = Vector256.Create((ReadOnlySpan<double>)lanes[..4]);
                x[2 * q + 1] = Vector256.Create((ReadOnlySpan<double>)lanes[4..]);
            }

            for (int j = 0; j < nb; j++)
            {
                var d = Vector256.Create(a[(j0 + j) * n + j0 + j]);
                Vector256<double> low = x[2 * j] / d, high = x[2 * j + 1] / d;
                x[2 * j] = low;
                x[2 * j + 1] = high;
                ReadOnlySpan<double> column = transposed.AsSpan(j * nb, nb);
                for (int q = j + 1; q < nb; q++)
                {
                    var l = Vector256.Create(column[q]);
                    x[2 * q] = Vector256.FusedMultiplyAdd(l, low, x[2 * q]);
                    x[2 * q + 1] = Vector256.FusedMultiplyAdd(l, high, x[2 * q + 1]);
                }
            }

            for (int q = 0; q < nb; q++)
            {
                x[2 * q].CopyTo(lanes[..4]);
                x[2 * q + 1].CopyTo(lanes[4..]);
                for (int r = 0; r < rows; r++)
                {
                    a[(first + g + r) * n + j0 + q] = lanes[r];
                    panel[(g + r) * nb + q] = -lanes[r];
                }
            }
        }
    }

    // The factored diagonal block at j0, transposed and negated: transposed[j * nb + q] = −L[j0 + q, j0 + j] for q > j.
    private static double[] Transposed(Span<double> a, int n, int j0, int nb)
    {
        double[] transposed = t_diagonal ??= new double[Block * Block];
        for (int j = 0; j < nb; j++)
        {
            for (int q = j + 1; q < nb; q++)
            {
                transposed[j * nb + q] = -a[(j0 + q) * n + j0 + j];
            }
        }

        return transposed;
    }

    // Band `band` of the trailing update after the panel at j0: A[i, j] −= Σ_q L[i, q]·L[j, q] for the band's
    // rows i and the columns j of the trailing matrix up to the band's last row (its lower triangle, and the
    // upper part of its diagonal tile as scratch): one product −P_band·P_leadingᵀ.
    private static void UpdateBand(Span<double> a, int n, int j0, int nb, int m, int band, double[] panel)
    {
        int r0 = band * Band, r1 = Math.Min(m, r0 + Band), t = j0 + nb;
        Gemm.MultiplyAdd(panel.AsSpan(r0 * nb, (r1 - r0) * nb), nb, a[(t * n + j0)..], n, a[((t + r0) * n + t)..], n, r1 - r0, nb, r1, GemmTranspose.B);
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

        if (rhs == 1)
        {
            SolveOne(factor, n, b[..n]);
            return;
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

    // One right-hand side, reading L by rows only: forward substitution by dot products with the rows of L, then
    // back substitution column by column of Lᵀ (x_i fixed, then b[0..i) −= x_i·L[i, 0..i) by fused multiply–adds).
    private static void SolveOne(ReadOnlySpan<double> factor, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            b[i] = (b[i] - Reduction.Dot(factor.Slice(i * n, i), b[..i])) / factor[i * n + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double x = b[i] / factor[i * n + i];
            b[i] = x;
            TensorPrimitives.FusedMultiplyAdd(factor.Slice(i * n, i), -x, b[..i], b[..i]);
        }
    }
}
