using KanPde.Core.Parallelism;
using KanPde.Core.Training;

namespace KanPde.Core.Optimization;

/// <summary>
/// Jᵀ·J and Jᵀ·r from sparse Jacobian rows. A row with L entries adds L(L+1)/2 products to the lower
/// triangle, whatever the number of parameters: with B-spline locality that is the whole cost. One instance
/// keeps the scratch (row order, keys) for repeated use by an optimizer.
/// </summary>
/// <remarks>
/// <para>
/// Rows whose groups are KAN cubic edges (a window of four consecutive coefficients, then w_b and w_s, the
/// two weights at the same columns in every row) take the fast path. The rows are visited in the order of
/// their window starts (lexicographic over the groups), so that rows with the same columns follow each other;
/// for each pair of groups (g₁ ≥ g₂) the 6×6 products of a run of rows with the same two windows are summed
/// in vector registers and added to the matrix once per run. Other rows take a general path.
/// </para>
/// <para>
/// Every entry of the result is summed by one task, over the rows in that fixed order, cut into runs at
/// fixed places (chunk boundaries of <see cref="ChunkRows"/> rows and changes of window): the result is
/// the same for any number of threads, and from one process to the next.
/// </para>
/// </remarks>
public sealed partial class NormalEquations
{
    /// <summary>Rows per chunk: the rows of a chunk stay in cache while every pair of groups passes over them.</summary>
    public const int ChunkRows = 192;

    private readonly WorkerTeam _team;
    private int[] _order = [];
    private ushort[] _keys = [];
    private double[] _residuals = [];

    /// <summary>Scratch for forming normal equations on <paramref name="team"/> (default: the process's shared team).</summary>
    public NormalEquations(WorkerTeam? team = null) => _team = team ?? WorkerTeam.Shared;

    /// <summary>Whether the last <see cref="Accumulate"/> took the fast path for KAN cubic edges.</summary>
    internal bool UsedEdgePath { get; private set; }

    /// <summary>
    /// Effectively <c>normal = JᵀJ</c> (lower triangle, row-major n×n; the strict upper triangle is left
    /// zero) and <c>gradient = Jᵀr</c>.
    /// </summary>
    public void Accumulate(SparseRows rows, ReadOnlySpan<double> residuals, double[] normal, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(normal);
        ArgumentNullException.ThrowIfNull(gradient);
        int n = rows.ColumnCount;
        if (normal.Length != n * n || gradient.Length != n || residuals.Length != rows.RowCount)
        {
            throw new ArgumentException("Buffers do not match the rows' shape.");
        }

        if ((long)rows.RowCount * rows.RowLength > rows.Indices.Length)
        {
            throw new ArgumentException("Rows shorter than their shape.", nameof(rows));
        }

        Array.Clear(normal);
        Array.Clear(gradient);
        if (rows.RowCount == 0 || rows.RowLength == 0)
        {
            return;
        }

        if (_residuals.Length != residuals.Length)
        {
            _residuals = new double[residuals.Length];
        }

        residuals.CopyTo(_residuals);
        UsedEdgePath = TryEdgeKeys(rows);
        if (UsedEdgePath)
        {
            SortRows(rows);
            AccumulateEdges(rows, _residuals, normal, gradient);
        }
        else
        {
            AccumulateGeneral(rows, _residuals, normal, gradient);
        }
    }

    // Whether every group of every row is a cubic edge's: four consecutive window columns, then two
    // consecutive weight columns that are the same in every row. When so, in the same pass over the indices,
    // each row's sort keys: the distance from each group's window start to its w_b (fixed per edge, so the
    // window's position inside the edge).
    private bool TryEdgeKeys(SparseRows rows)
    {
        if (rows.GroupLength != EdgeGroup || rows.RowLength % EdgeGroup != 0)
        {
            return false;
        }

        int m = rows.RowCount, length = rows.RowLength, groups = length / EdgeGroup;
        if (_keys.Length != m * groups)
        {
            _keys = new ushort[m * groups];
            _order = new int[m];
            for (int i = 0; i < m; i++)
            {
                _order[i] = i;
            }
        }

        int[] idx = rows.Indices;
        for (int row = 0; row < m; row++)
        {
            int b = row * length;
            for (int g = 0; g < groups; g++)
            {
                int q = b + g * EdgeGroup, p = g * EdgeGroup;
                if (idx[q + 3] != idx[q] + 3 || idx[q + 5] != idx[q + 4] + 1 || idx[q + 4] != idx[p + 4] || idx[q + 3] >= idx[q + 4]
                    || idx[q + 4] - idx[q] > ushort.MaxValue)
                {
                    return false;
                }

                _keys[row * groups + g] = (ushort)(idx[q + 4] - idx[q]);
            }
        }

        return true;
    }

    // The visiting order: rows sorted by their keys (lexicographically over the groups, ties by row index; a
    // unique order, so whatever algorithm finds it gives the same one). The previous order is the starting
    // point: between optimizer iterations few windows move, and insertion sort then costs little.
    private void SortRows(SparseRows rows)
    {
        int groups = rows.RowLength / EdgeGroup;
        var comparer = new RowComparer(_keys, groups);
        if (!InsertionSort(_order, comparer, maxMoves: 8L * rows.RowCount))
        {
            Array.Sort(_order, comparer);
        }
    }

    // Sorts in place unless more than maxMoves element moves would be needed (then returns false, order partly sorted).
    private static bool InsertionSort(int[] order, RowComparer comparer, long maxMoves)
    {
        long moves = 0;
        for (int i = 1; i < order.Length; i++)
        {
            int item = order[i], j = i - 1;
            while (j >= 0 && comparer.Compare(order[j], item) > 0)
            {
                order[j + 1] = order[j];
                j--;
                if (++moves > maxMoves)
                {
                    order[j + 1] = item;
                    return false;
                }
            }

            order[j + 1] = item;
        }

        return true;
    }

    private sealed class RowComparer(ushort[] keys, int groups) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int c = keys.AsSpan(a * groups, groups).SequenceCompareTo(keys.AsSpan(b * groups, groups));
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
