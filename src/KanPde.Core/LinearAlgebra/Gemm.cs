using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KanPde.Core.LinearAlgebra;

/// <summary>
/// Dense matrix products on row-major spans, register-blocked (4 rows × 8 columns of the result held in
/// vector registers while the inner dimension streams past) and cache-blocked along the inner dimension.
/// </summary>
public static class Gemm
{
    private const int InnerBlock = 256;

    [ThreadStatic]
    private static double[]? t_packed; // one packed panel per thread

    /// <summary>Effectively <c>c[i * n + j] += Σ_q a[i * k + q] · b[q * n + j]</c>: C (m×n) += A (m×k) · B (k×n).</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        MultiplyAdd(a, k, b, n, c, n, m, k, n);

    /// <summary>
    /// As <see cref="MultiplyAdd(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/> on
    /// sub-matrices: row i of A starts at a[i * lda], of B at b[q * ldb], of C at c[i * ldc].
    /// </summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c, int ldc, int m, int k, int n)
    {
        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        if (lda < k || ldb < n || ldc < n || a.Length < (m - 1) * lda + k || b.Length < (k - 1) * ldb + n || c.Length < (m - 1) * ldc + n)
        {
            throw new ArgumentException("Matrix buffers shorter than their shapes.");
        }

        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        // An 8-column panel of B is copied into contiguous rows of 8 when enough rows of A reuse it: the
        // kernels then stream one cache line per step instead of striding through B.
        bool pack = m >= 12;
        double[] packed = t_packed ??= new double[InnerBlock * 8];
        ref double rp = ref MemoryMarshal.GetArrayDataReference(packed);
        for (int q0 = 0; q0 < k; q0 += InnerBlock)
        {
            int q1 = Math.Min(k, q0 + InnerBlock);
            int j = 0;
            for (; j + 8 <= n; j += 8)
            {
                ref double panel = ref rb;
                int panelStride = ldb, panelColumn = j;
                if (pack)
                {
                    for (int q = q0; q < q1; q++)
                    {
                        Vector256.LoadUnsafe(ref rb, (nuint)(q * ldb + j)).StoreUnsafe(ref rp, (nuint)((q - q0) * 8));
                        Vector256.LoadUnsafe(ref rb, (nuint)(q * ldb + j + 4)).StoreUnsafe(ref rp, (nuint)((q - q0) * 8 + 4));
                    }

                    panel = ref Unsafe.Subtract(ref rp, q0 * 8); // so that row q sits at q·8
                    panelStride = 8;
                    panelColumn = 0;
                }

                int i = 0;
                for (; i + 6 <= m; i += 6)
                {
                    Kernel6x8(ref ra, ref panel, ref Unsafe.Add(ref rc, j - panelColumn), i, panelColumn, q0, q1, lda, panelStride, ldc);
                }

                for (; i + 4 <= m; i += 4)
                {
                    Kernel4x8(ref ra, ref panel, ref Unsafe.Add(ref rc, j - panelColumn), i, panelColumn, q0, q1, lda, panelStride, ldc);
                }

                for (; i < m; i++)
                {
                    Kernel1x8(ref ra, ref panel, ref Unsafe.Add(ref rc, j - panelColumn), i, panelColumn, q0, q1, lda, panelStride, ldc);
                }
            }

            if (j + 4 <= n)
            {
                for (int i = 0; i < m; i++)
                {
                    Kernel1x4(ref ra, ref rb, ref rc, i, j, q0, q1, lda, ldb, ldc);
                }

                j += 4;
            }

            for (; j < n; j++)
            {
                for (int i = 0; i < m; i++)
                {
                    double sum = 0;
                    for (int q = q0; q < q1; q++)
                    {
                        sum += Unsafe.Add(ref ra, i * lda + q) * Unsafe.Add(ref rb, q * ldb + j);
                    }

                    Unsafe.Add(ref rc, i * ldc + j) += sum;
                }
            }
        }
    }

    /// <summary>Effectively <c>destination[j * rows + i] = source[i * columns + j]</c>.</summary>
    public static void Transpose(ReadOnlySpan<double> source, int rows, int columns, Span<double> destination)
    {
        if (source.Length < rows * columns || destination.Length < rows * columns)
        {
            throw new ArgumentException("Matrix buffers shorter than their shapes.");
        }

        const int tile = 16;
        for (int i0 = 0; i0 < rows; i0 += tile)
        {
            for (int j0 = 0; j0 < columns; j0 += tile)
            {
                int i1 = Math.Min(rows, i0 + tile), j1 = Math.Min(columns, j0 + tile);
                for (int i = i0; i < i1; i++)
                {
                    for (int j = j0; j < j1; j++)
                    {
                        destination[j * rows + i] = source[i * columns + j];
                    }
                }
            }
        }
    }

    // 6 rows × 8 columns: twelve accumulators, two loads of B and six broadcasts per step of q.
    private static void Kernel6x8(ref double a, ref double b, ref double c, int i, int j, int q0, int q1, int lda, int ldb, int ldc)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        ref double a0 = ref Unsafe.Add(ref a, i * lda);
        for (int q = q0; q < q1; q++)
        {
            ref double bq = ref Unsafe.Add(ref b, q * ldb + j);
            Vector256<double> b0 = Vector256.LoadUnsafe(ref bq);
            Vector256<double> b1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref bq, 4));
            ref double aq = ref Unsafe.Add(ref a0, q);
            Vector256<double> x = Vector256.Create(aq);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref aq, lda));
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref aq, 2 * lda));
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref aq, 3 * lda));
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(Unsafe.Add(ref aq, 4 * lda));
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(Unsafe.Add(ref aq, 5 * lda));
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }

        AddTo(ref Unsafe.Add(ref c, i * ldc + j), c00, c01);
        AddTo(ref Unsafe.Add(ref c, (i + 1) * ldc + j), c10, c11);
        AddTo(ref Unsafe.Add(ref c, (i + 2) * ldc + j), c20, c21);
        AddTo(ref Unsafe.Add(ref c, (i + 3) * ldc + j), c30, c31);
        AddTo(ref Unsafe.Add(ref c, (i + 4) * ldc + j), c40, c41);
        AddTo(ref Unsafe.Add(ref c, (i + 5) * ldc + j), c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel4x8(ref double a, ref double b, ref double c, int i, int j, int q0, int q1, int lda, int ldb, int ldc)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        ref double a0 = ref Unsafe.Add(ref a, i * lda);
        ref double a1 = ref Unsafe.Add(ref a0, lda);
        ref double a2 = ref Unsafe.Add(ref a1, lda);
        ref double a3 = ref Unsafe.Add(ref a2, lda);
        for (int q = q0; q < q1; q++)
        {
            ref double bq = ref Unsafe.Add(ref b, q * ldb + j);
            Vector256<double> b0 = Vector256.LoadUnsafe(ref bq);
            Vector256<double> b1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref bq, 4));
            Vector256<double> x = Vector256.Create(Unsafe.Add(ref a0, q));
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref a1, q));
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref a2, q));
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref a3, q));
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }

        AddTo(ref Unsafe.Add(ref c, i * ldc + j), c00, c01);
        AddTo(ref Unsafe.Add(ref c, (i + 1) * ldc + j), c10, c11);
        AddTo(ref Unsafe.Add(ref c, (i + 2) * ldc + j), c20, c21);
        AddTo(ref Unsafe.Add(ref c, (i + 3) * ldc + j), c30, c31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel1x8(ref double a, ref double b, ref double c, int i, int j, int q0, int q1, int lda, int ldb, int ldc)
    {
        Vector256<double> c0 = default, c1 = default;
        ref double ai = ref Unsafe.Add(ref a, i * lda);
        for (int q = q0; q < q1; q++)
        {
            ref double bq = ref Unsafe.Add(ref b, q * ldb + j);
            Vector256<double> x = Vector256.Create(Unsafe.Add(ref ai, q));
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bq), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref Unsafe.Add(ref bq, 4)), c1);
        }

        AddTo(ref Unsafe.Add(ref c, i * ldc + j), c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel1x4(ref double a, ref double b, ref double c, int i, int j, int q0, int q1, int lda, int ldb, int ldc)
    {
        Vector256<double> c0 = default, c1 = default;
        ref double ai = ref Unsafe.Add(ref a, i * lda);
        int q = q0;
        for (; q + 1 < q1; q += 2) // two independent chains
        {
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, q)), Vector256.LoadUnsafe(ref Unsafe.Add(ref b, q * ldb + j)), c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, q + 1)), Vector256.LoadUnsafe(ref Unsafe.Add(ref b, (q + 1) * ldb + j)), c1);
        }

        if (q < q1)
        {
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ai, q)), Vector256.LoadUnsafe(ref Unsafe.Add(ref b, q * ldb + j)), c0);
        }

        ref double target = ref Unsafe.Add(ref c, i * ldc + j);
        (Vector256.LoadUnsafe(ref target) + c0 + c1).StoreUnsafe(ref target);
    }

    /// <summary>
    /// Effectively <c>c[i * n + j] += Σ_q a[i * k + q] · b[j * k + q]</c>: C (m×n) += A (m×k) · Bᵀ with B (n×k),
    /// as dot products of rows; suited to small n (for large n transpose B and use <see cref="MultiplyAdd"/>).
    /// </summary>
    public static void MultiplyAddTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        if (a.Length < m * k || b.Length < n * k || c.Length < m * n)
        {
            throw new ArgumentException("Matrix buffers shorter than their shapes.");
        }

        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<double> row = a.Slice(i * k, k);
            for (int j = 0; j < n; j++)
            {
                c[i * n + j] += Reduction.Dot(row, b.Slice(j * k, k));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(ref double target, Vector256<double> low, Vector256<double> high)
    {
        (Vector256.LoadUnsafe(ref target) + low).StoreUnsafe(ref target);
        ref double upper = ref Unsafe.Add(ref target, 4);
        (Vector256.LoadUnsafe(ref upper) + high).StoreUnsafe(ref upper);
    }
}
