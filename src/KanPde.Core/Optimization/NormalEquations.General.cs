using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KanPde.Core.Training;

namespace KanPde.Core.Optimization;

/// <summary>The general path: any rows, one product at a time.</summary>
public sealed partial class NormalEquations
{
    // Work is split by row groups: the task for group g owns the rows of the normal matrix in g's column
    // block and adds, row by row, its products with every group g′ ≤ g. Every entry is summed by one task
    // in row order.
    private void AccumulateGeneral(SparseRows rows, double[] residuals, double[] normal, double[] gradient)
    {
        int groups = rows.RowLength / Math.Max(1, rows.GroupLength);
        // Larger groups (later ones have more partners) first, for balance.
        _team.Run(groups, task => AddGroup(rows, groups - 1 - task, normal));
        rows.MultiplyTransposed(residuals, gradient);
    }

    // For each row, the products of group g1 with every group g2 ≤ g1, written into the rows of the normal
    // matrix that g1's entries own.
    private static void AddGroup(SparseRows rows, int g1, double[] normal)
    {
        int n = rows.ColumnCount, length = rows.RowLength, gl = rows.GroupLength;
        ref double h = ref MemoryMarshal.GetArrayDataReference(normal);
        for (int row = 0; row < rows.RowCount; row++)
        {
            ReadOnlySpan<int> idx = rows.Indices.AsSpan(row * length, (g1 + 1) * gl);
            ReadOnlySpan<double> v = rows.Values.AsSpan(row * length, (g1 + 1) * gl);
            for (int a = g1 * gl; a < (g1 + 1) * gl; a++)
            {
                double x = v[a];
                ref double target = ref Unsafe.Add(ref h, (nint)idx[a] * n);
                for (int b = 0; b <= a; b++)
                {
                    Unsafe.Add(ref target, idx[b]) += x * v[b];
                }
            }
        }
    }
}
