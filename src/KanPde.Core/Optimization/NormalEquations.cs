using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    // For each row, the products of group g1 with every group g2 ≤ g1. Successive updates of one entry are a
    // whole row apart, so they never wait on each other through memory; the rows of the normal matrix
    // that g1 owns stay in cache.
    private static void AddGroup(SparseRows rows, int g1, double[] normal)
    {
        int n = rows.ColumnCount, length = rows.RowLength, gl = rows.GroupLength;
        if ((long)rows.RowCount * length > rows.Indices.Length)
        {
            throw new ArgumentException("Rows shorter than their shape.", nameof(rows));
        }

        ref double h = ref MemoryMarshal.GetArrayDataReference(normal);
        ref int indices = ref MemoryMarshal.GetArrayDataReference(rows.Indices);
        ref double values = ref MemoryMarshal.GetArrayDataReference(rows.Values);
        for (int row = 0; row < rows.RowCount; row++)
        {
            ref int rowIndices = ref Unsafe.Add(ref indices, row * length);
            ref double rowValues = ref Unsafe.Add(ref values, row * length);
            ref int ia = ref Unsafe.Add(ref rowIndices, g1 * gl);
            ref double va = ref Unsafe.Add(ref rowValues, g1 * gl);
            for (int a = 0; a < gl; a++)
            {
                double x = Unsafe.Add(ref va, a);
                if (x == 0)
                {
                    continue;
                }

                ref double target = ref Unsafe.Add(ref h, (nint)Unsafe.Add(ref ia, a) * n);
                int top = g1 * gl + a + 1; // every entry of groups before g1, and of g1 up to a
                for (int b = 0; b < top; b++)
                {
                    Unsafe.Add(ref target, Unsafe.Add(ref rowIndices, b)) += x * Unsafe.Add(ref rowValues, b);
                }
            }
        }
    }
}
