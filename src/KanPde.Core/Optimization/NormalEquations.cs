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
    /// and <c>gradient = Jᵀr</c>. Rows are split into two fixed halves summed separately, so the result does
    /// not depend on the number of threads.
    /// </summary>
    public static void Accumulate(SparseRows rows, ReadOnlySpan<double> residuals, double[] normal, double[] gradient, double[]? scratch = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(normal);
        ArgumentNullException.ThrowIfNull(gradient);
        int n = rows.ColumnCount;
        if (normal.Length != n * n || gradient.Length != n || residuals.Length != rows.RowCount)
        {
            throw new ArgumentException("Buffers do not match the rows' shape.");
        }

        double[] r = residuals.ToArray();
        double[] second = scratch is { Length: var length } && length == n * n ? scratch : new double[n * n];
        int half = rows.RowCount / 2;
        WorkerTeam.Shared.Run(2, part =>
        {
            double[] target = part == 0 ? normal : second;
            Array.Clear(target);
            AddRows(rows, part == 0 ? 0 : half, part == 0 ? half : rows.RowCount, target);
        });
        System.Numerics.Tensors.TensorPrimitives.Add(normal, second, normal);
        rows.MultiplyTransposed(r, gradient);
    }

    private static void AddRows(SparseRows rows, int from, int to, double[] normal)
    {
        int n = rows.ColumnCount, length = rows.RowLength;
        int[] indices = rows.Indices;
        double[] values = rows.Values;
        for (int row = from; row < to; row++)
        {
            int start = row * length;
            for (int a = 0; a < length; a++)
            {
                double va = values[start + a];
                if (va == 0)
                {
                    continue;
                }

                int rowStart = indices[start + a] * n;
                for (int b = 0; b <= a; b++)
                {
                    normal[rowStart + indices[start + b]] += va * values[start + b];
                }
            }
        }
    }
}
