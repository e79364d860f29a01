using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KanPde.Core.Parallelism;
using KanPde.Core.Training;

namespace KanPde.Core.Optimization;

/// <summary>
/// Jᵀ·J and Jᵀ·r from sparse Jacobian rows. A row with L entries adds L(L+1)/2 products to the lower
/// triangle, whatever the number of parameters: with B-spline locality that is the whole cost.
/// </summary>
public static class NormalEquations
{
    /// <summary>
    /// Effectively <c>normal = JᵀJ</c> (lower triangle, row-major n×n; the upper triangle is left zero)
    /// and <c>gradient = Jᵀr</c>. Work is split by row groups: the task for group g owns the rows of the
    /// normal matrix in g's column block and adds, row chunk by row chunk, its products with every group
    /// g′ ≤ g, so each block stays in cache while the rows stream past. Every entry is summed by one task
    /// in row order: the result does not depend on the number of threads.
    /// </summary>
    public static void Accumulate(SparseRows rows, ReadOnlySpan<double> residuals, double[] normal, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(normal);
        ArgumentNullException.ThrowIfNull(gradient);
        int n = rows.ColumnCount;
        if (normal.Length != n * n || gradient.Length != n || residuals.Length != rows.RowCount)
        {
            throw new ArgumentException("Buffers do not match the rows' shape.");
        }

        Array.Clear(normal);
        int groups = rows.RowLength / Math.Max(1, rows.GroupLength);
        // Larger groups (later ones have more partners) first, for balance.
        WorkerTeam.Shared.Run(groups, task => AddGroup(rows, groups - 1 - task, normal));
        rows.MultiplyTransposed(residuals, gradient);
    }

    // For each row, the products of group g1 with every group g2 ≤ g1, written into the rows of the normal
    // matrix that g1's entries own.
    private static void AddGroup(SparseRows rows, int g1, double[] normal)
    {
        int n = rows.ColumnCount, length = rows.RowLength, gl = rows.GroupLength;
        if ((long)rows.RowCount * length > rows.Indices.Length)
        {
            throw new ArgumentException("Rows shorter than their shape.", nameof(rows));
        }

        ref double h = ref MemoryMarshal.GetArrayDataReference(normal);
        for (int row = 0; row < rows.RowCount; row++)
        {
            ReadOnlySpan<int> idx = rows.Indices.AsSpan(row * length, (g1 + 1) * gl);
            ReadOnlySpan<double> v = rows.Values.AsSpan(row * length, (g1 + 1) * gl);
            int own = g1 * gl;
            if (gl == 6 && IsCubicEdge(idx, own))
            {
                for (int g2 = 0; g2 < g1; g2++)
                {
                    if (IsCubicEdge(idx, g2 * 6))
                    {
                        CubicEdgePair(ref h, n, idx, v, own, g2 * 6);
                    }
                    else
                    {
                        Scalar(ref h, n, idx, v, own, own + 6, g2 * 6, g2 * 6 + 6);
                    }
                }

                for (int a = own; a < own + 6; a++)
                {
                    Scalar(ref h, n, idx, v, a, a + 1, own, a + 1);
                }

                continue;
            }

            for (int a = own; a < own + gl; a++)
            {
                Scalar(ref h, n, idx, v, a, a + 1, 0, a + 1);
            }
        }
    }

    // A KAN cubic edge's group: four consecutive coefficients, then w_b and w_s side by side.
    private static bool IsCubicEdge(ReadOnlySpan<int> idx, int p) =>
        idx[p + 3] == idx[p] + 3 && idx[p + 1] == idx[p] + 1 && idx[p + 2] == idx[p] + 2 && idx[p + 5] == idx[p + 4] + 1;

    // The 6×6 outer product of two cubic edges' entries: in every row of group a's entries, one 4-wide and one
    // 2-wide contiguous update.
    private static void CubicEdgePair(ref double h, int n, ReadOnlySpan<int> idx, ReadOnlySpan<double> v, int pa, int pb)
    {
        ref double vb = ref Unsafe.AsRef(in v[pb]);
        Vector256<double> window = Vector256.LoadUnsafe(ref vb);
        Vector128<double> weights = Vector128.LoadUnsafe(ref Unsafe.Add(ref vb, 4));
        int colWindow = idx[pb], colWeights = idx[pb + 4];
        for (int a = pa; a < pa + 6; a++)
        {
            double x = v[a];
            ref double target = ref Unsafe.Add(ref h, (nint)idx[a] * n);
            ref double t4 = ref Unsafe.Add(ref target, colWindow);
            Vector256.FusedMultiplyAdd(Vector256.Create(x), window, Vector256.LoadUnsafe(ref t4)).StoreUnsafe(ref t4);
            ref double t2 = ref Unsafe.Add(ref target, colWeights);
            Vector128.FusedMultiplyAdd(Vector128.Create(x), weights, Vector128.LoadUnsafe(ref t2)).StoreUnsafe(ref t2);
        }
    }

    // normal[idx[a], idx[b]] += v[a]·v[b] for a in [a0, a1), b in [b0, b1).
    private static void Scalar(ref double h, int n, ReadOnlySpan<int> idx, ReadOnlySpan<double> v, int a0, int a1, int b0, int b1)
    {
        for (int a = a0; a < a1; a++)
        {
            double x = v[a];
            ref double target = ref Unsafe.Add(ref h, (nint)idx[a] * n);
            for (int b = b0; b < b1; b++)
            {
                Unsafe.Add(ref target, idx[b]) += x * v[b];
            }
        }
    }
}
