using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KanPde.Core.LinearAlgebra;

/// <summary>Which operands of <see cref="Gemm.MultiplyAdd(ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, Span{double}, int, int, int, int, GemmTranspose)"/> are stored transposed.</summary>
[Flags]
public enum GemmTranspose
{
    /// <summary>Both operands as stored.</summary>
    None = 0,

    /// <summary>The left operand is Aᵀ of a stored k×m matrix.</summary>
    A = 1,

    /// <summary>The right operand is Bᵀ of a stored n×k matrix.</summary>
    B = 2,
}

/// <summary>
/// Dense matrix products on row-major spans. Both operands are packed — A in groups of a few rows
/// interleaved along the inner dimension, B in panels of a few columns, each zero-padded to full size —
/// and a register-blocked kernel (10×16 of the result in Vector512 registers where AVX-512 runs, else
/// 6×8 in Vector256; half as wide for a narrow last panel) streams through them, cache-blocked along the inner dimension (256) and the rows.
/// </summary>
/// <remarks>
/// Every element of C is computed by the same arithmetic wherever it falls: within each block of 256
/// along the inner dimension (at fixed offsets 0, 256, …), one fused multiply–add per q, in order, from
/// zero; then one addition to C. Results therefore do not depend on the element's position in the
/// matrix, on the buffers' alignment, on which kernel ran, nor on the vector width of the machine.
/// </remarks>
public static partial class Gemm
{
    private const int InnerBlock = 256;
    private const int RowBlock = 120; // rows of A packed at a time: a multiple of both kernels' heights

    [ThreadStatic]
    private static double[]? t_packedA, t_packedB, t_tile; // per thread

    /// <summary>Effectively <c>c[i * n + j] += Σ_q a[i * k + q] · b[q * n + j]</c>: C (m×n) += A (m×k) · B (k×n).</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        MultiplyAdd(a, k, b, n, c, n, m, k, n);

    /// <summary>
    /// As <see cref="MultiplyAdd(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/> on
    /// sub-matrices: row i of A starts at a[i * lda], of B at b[q * ldb], of C at c[i * ldc].
    /// </summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c, int ldc, int m, int k, int n) =>
        MultiplyAdd(a, lda, b, ldb, c, ldc, m, k, n, GemmTranspose.None);

    /// <summary>
    /// C (m×n) += op(A)·op(B) with op(A) = A (m×k, element (i, q) at a[i * lda + q]) or, for
    /// <see cref="GemmTranspose.A"/>, Aᵀ of a stored k×m matrix (element (i, q) at a[q * lda + i]); likewise
    /// op(B) = B (k×n, b[q * ldb + j]) or Bᵀ of a stored n×k matrix (b[j * ldb + q]). C's row i starts at c[i * ldc].
    /// </summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c, int ldc, int m, int k, int n, GemmTranspose transpose) =>
        MultiplyAdd(a, lda, b, ldb, c, ldc, m, k, n, transpose, Vector512.IsHardwareAccelerated);

    /// <summary>As the public overload, with the kernel chosen: 10×16 in Vector512 when <paramref name="wide"/>, else 6×8 in Vector256.</summary>
    internal static void MultiplyAdd(ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c, int ldc, int m, int k, int n, GemmTranspose transpose, bool wide)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        bool ta = (transpose & GemmTranspose.A) != 0, tb = (transpose & GemmTranspose.B) != 0;
        if (!Fits(a, lda, ta ? k : m, ta ? m : k) || !Fits(b, ldb, tb ? n : k, tb ? k : n) || ldc < n || c.Length < (long)(m - 1) * ldc + n)
        {
            throw new ArgumentException("Matrix buffers shorter than their shapes.");
        }

        // Element (i, q) of op(A) at a[i * aRow + q * aColumn]; element (q, j) of op(B) at b[j * bColumn + q * bRow].
        var left = new Operand(ta ? 1 : lda, ta ? lda : 1);
        var right = new Operand(tb ? ldb : 1, tb ? 1 : ldb);
        if (m == 1 && !tb)
        {
            RowTimesMatrix(ref MemoryMarshal.GetReference(a), left.Column, b, ldb, c, k, n); // nothing to reuse: no packing
        }
        else if (wide)
        {
            Run<Kernel10x16, Kernel10x8>(a, left, b, right, c, ldc, m, k, n);
        }
        else
        {
            Run<Kernel6x8, Kernel6x4>(a, left, b, right, c, ldc, m, k, n);
        }
    }

    private static bool Fits(ReadOnlySpan<double> x, int ld, int rows, int columns) =>
        ld >= columns && x.Length >= (long)(rows - 1) * ld + columns;

    // Loops: inner blocks of 256 → row blocks of 120 (packed once) → column panels (packed) → row groups (kernel).
    // THalf: the same kernel's rows with half its columns, for a last panel at most that wide.
    private static void Run<TKernel, THalf>(ReadOnlySpan<double> a, Operand left, ReadOnlySpan<double> b, Operand right, Span<double> c, int ldc, int m, int k, int n)
        where TKernel : IMicroKernel
        where THalf : IMicroKernel
    {
        int mr = TKernel.Rows, nr = TKernel.Columns;
        double[] packedA = t_packedA ??= new double[RowBlock * InnerBlock];
        double[] packedB = t_packedB ??= new double[InnerBlock * 16];
        double[] tile = t_tile ??= new double[10 * 16];
        ref double pa = ref MemoryMarshal.GetArrayDataReference(packedA);
        ref double pb = ref MemoryMarshal.GetArrayDataReference(packedB);
        ref double pt = ref MemoryMarshal.GetArrayDataReference(tile);
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        for (int q0 = 0; q0 < k; q0 += InnerBlock)
        {
            int kc = Math.Min(InnerBlock, k - q0);
            for (int i0 = 0; i0 < m; i0 += RowBlock)
            {
                int mc = Math.Min(RowBlock, m - i0);
                for (int g = 0; g < mc; g += mr)
                {
                    Pack(ref Unsafe.Add(ref ra, (nint)(i0 + g) * left.Row + (nint)q0 * left.Column), left, Math.Min(mr, mc - g), mr, kc, ref Unsafe.Add(ref pa, g * kc));
                }

                for (int j0 = 0; j0 < n; j0 += nr)
                {
                    int width = Math.Min(nr, n - j0);
                    ref double bj = ref Unsafe.Add(ref rb, (nint)j0 * right.Row + (nint)q0 * right.Column);
                    ref double cj = ref Unsafe.Add(ref rc, (nint)i0 * ldc + j0);
                    if (width <= THalf.Columns) // a narrow last panel: half the padding
                    {
                        Panel<THalf>(ref pa, ref bj, right, ref cj, ldc, mc, kc, width, ref pb, ref pt);
                    }
                    else
                    {
                        Panel<TKernel>(ref pa, ref bj, right, ref cj, ldc, mc, kc, width, ref pb, ref pt);
                    }
                }
            }
        }
    }

    // One packed panel of B (kc × width, padded to the kernel's columns) against every packed row group of A.
    private static void Panel<TKernel>(ref double pa, ref double b, Operand right, ref double c, int ldc, int mc, int kc, int width, ref double pb, ref double pt)
        where TKernel : IMicroKernel
    {
        int mr = TKernel.Rows, nr = TKernel.Columns;
        Pack(ref b, right, width, nr, kc, ref pb);
        for (int g = 0; g < mc; g += mr)
        {
            int rows = Math.Min(mr, mc - g);
            ref double cg = ref Unsafe.Add(ref c, (nint)g * ldc);
            bool direct = rows == mr && width == nr; // a full tile adds straight into C
            TKernel.Run(ref Unsafe.Add(ref pa, g * kc), ref pb, kc, ref cg, ldc, ref pt, direct);
            if (!direct)
            {
                AddTile(ref pt, nr, ref cg, ldc, rows, width);
            }
        }
    }

    // c[j] += Σ_q a[q * step] · b[q * ldb + j] with the same arithmetic as the kernels: per inner block, one FMA
    // per q in order from zero (8 columns in Vector256 pairs at a time, then 4, then one by one), then one addition.
    private static void RowTimesMatrix(ref double a, int step, ReadOnlySpan<double> b, int ldb, Span<double> c, int k, int n)
    {
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        for (int q0 = 0; q0 < k; q0 += InnerBlock)
        {
            int q1 = Math.Min(k, q0 + InnerBlock), j = 0;
            for (; j + 16 <= n; j += 16)
            {
                Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
                for (int q = q0; q < q1; q++)
                {
                    var x = Vector256.Create(Unsafe.Add(ref a, (nint)q * step));
                    ref double bq = ref Unsafe.Add(ref rb, (nint)q * ldb + j);
                    s0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bq), s0);
                    s1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bq, 4), s1);
                    s2 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bq, 8), s2);
                    s3 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bq, 12), s3);
                }

                ref double cj = ref Unsafe.Add(ref rc, j);
                (Vector256.LoadUnsafe(ref cj) + s0).StoreUnsafe(ref cj);
                (Vector256.LoadUnsafe(ref cj, 4) + s1).StoreUnsafe(ref cj, 4);
                (Vector256.LoadUnsafe(ref cj, 8) + s2).StoreUnsafe(ref cj, 8);
                (Vector256.LoadUnsafe(ref cj, 12) + s3).StoreUnsafe(ref cj, 12);
            }

            for (; j + 4 <= n; j += 4)
            {
                Vector256<double> s0 = default;
                for (int q = q0; q < q1; q++)
                {
                    s0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, (nint)q * step)), Vector256.LoadUnsafe(ref Unsafe.Add(ref rb, (nint)q * ldb + j)), s0);
                }

                ref double cj = ref Unsafe.Add(ref rc, j);
                (Vector256.LoadUnsafe(ref cj) + s0).StoreUnsafe(ref cj);
            }

            for (; j < n; j++)
            {
                double sum = 0;
                for (int q = q0; q < q1; q++)
                {
                    sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a, (nint)q * step), Unsafe.Add(ref rb, (nint)q * ldb + j), sum);
                }

                Unsafe.Add(ref rc, j) += sum;
            }
        }
    }

    // C[i, j] += tile[i * nr + j] for the valid rows × columns of a tile at C's edge.
    private static void AddTile(ref double tile, int nr, ref double c, int ldc, int rows, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                Unsafe.Add(ref c, (nint)i * ldc + j) += Unsafe.Add(ref tile, i * nr + j);
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

    /// <summary>
    /// Effectively <c>c[i * n + j] += Σ_q a[i * k + q] · b[j * k + q]</c>: C (m×n) += A (m×k) · Bᵀ with B (n×k),
    /// as dot products of rows; suited to small m·n (else <see cref="GemmTranspose.B"/>).
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

    // Strides of an operand: its element (r, q) — r a row of op(A) or a column of op(B) — at r·Row + q·Column.
    private readonly record struct Operand(int Row, int Column);
}
