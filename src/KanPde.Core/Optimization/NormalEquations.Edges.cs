using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KanPde.Core.Training;

namespace KanPde.Core.Optimization;

/// <summary>
/// The fast path for rows of KAN cubic edges. The rows, in visiting order, are first copied chunk by chunk
/// into group-major slots of eight lanes (six entries, two zeros) beside each group's window start, so that
/// a pair of groups streams two contiguous arrays; the products of a run of rows with the same two windows
/// are summed in vector registers and added to the matrix once per run.
/// </summary>
public sealed partial class NormalEquations
{
    private const int EdgeGroup = 6; // four window coefficients, w_b, w_s
    private const int Lanes = 8;
    private const int TaskCount = 4; // more tasks than threads, for balance on a busy machine; each streams all rows

    private double[] _packed = [];
    private int[] _starts = [];
    private int[] _runEnds = [];
    private double[] _packedResiduals = [];

    private void AccumulateEdges(SparseRows rows, double[] residuals, double[] normal, double[] gradient)
    {
        int m = rows.RowCount, groups = rows.RowLength / EdgeGroup, n = rows.ColumnCount;
        int chunks = (m + ChunkRows - 1) / ChunkRows;
        if (_starts.Length != chunks * groups * ChunkRows)
        {
            _packed = new double[chunks * groups * ChunkRows * Lanes]; // lanes 6, 7 stay zero
            _starts = new int[chunks * groups * ChunkRows];
            _runEnds = new int[chunks * groups * ChunkRows];
            _packedResiduals = new double[chunks * ChunkRows];
        }

        var weights = new int[groups];
        for (int g = 0; g < groups; g++)
        {
            weights[g] = rows.Indices[g * EdgeGroup + 4];
        }

        _team.Run(chunks, c => Pack(rows, residuals, weights, c));

        int[][] tasks = Partition(groups, Math.Min(groups, TaskCount));
        _team.Run(tasks.Length, t =>
        {
            for (int c = 0; c < chunks; c++)
            {
                int count = Math.Min(ChunkRows, m - c * ChunkRows);
                foreach (int g1 in tasks[t])
                {
                    int o1 = (c * groups + g1) * ChunkRows;
                    for (int g2 = 0; g2 < g1; g2++)
                    {
                        int o2 = (c * groups + g2) * ChunkRows;
                        EdgePair(o1, o2, count, weights[g1], weights[g2], normal, n);
                    }

                    EdgeSelf(o1, c * ChunkRows, count, weights[g1], normal, gradient, n);
                }
            }
        });
    }

    // Chunk c of the rows in visiting order into the group-major slots, and where each slot's run of equal
    // windows ends (the chunk's first row after it with another window start for that group).
    // A window starts at its group's w_b column less the row's key.
    private void Pack(SparseRows rows, double[] residuals, int[] weights, int c)
    {
        int m = rows.RowCount, length = rows.RowLength, groups = length / EdgeGroup;
        int from = c * ChunkRows, count = Math.Min(ChunkRows, m - from);
        ref double values = ref MemoryMarshal.GetArrayDataReference(rows.Values);
        ref double packed = ref MemoryMarshal.GetArrayDataReference(_packed);
        for (int q = 0; q < count; q++)
        {
            int row = _order[from + q], b = row * length;
            _packedResiduals[from + q] = residuals[row];
            for (int g = 0; g < groups; g++)
            {
                int slot = (c * groups + g) * ChunkRows + q;
                ref double source = ref Unsafe.Add(ref values, b + g * EdgeGroup);
                ref double target = ref Unsafe.Add(ref packed, (nint)slot * Lanes);
                Vector256.LoadUnsafe(ref source).StoreUnsafe(ref target);
                Vector128.LoadUnsafe(ref Unsafe.Add(ref source, 4)).StoreUnsafe(ref Unsafe.Add(ref target, 4));
                _starts[slot] = weights[g] - _keys[row * groups + g];
            }
        }

        for (int g = 0; g < groups; g++)
        {
            int o = (c * groups + g) * ChunkRows, end = count;
            for (int q = count - 1; q >= 0; q--)
            {
                if (q + 1 < count && _starts[o + q] != _starts[o + q + 1])
                {
                    end = q + 1;
                }

                _runEnds[o + q] = end;
            }
        }
    }

    // Groups into tasks of about equal work (group g pairs with g + 1 groups): the largest first, each to
    // the least loaded task. Which task sums a pair never changes what is summed, or in which order.
    private static int[][] Partition(int groups, int taskCount)
    {
        var tasks = new List<int>[taskCount];
        var load = new long[taskCount];
        for (int t = 0; t < taskCount; t++)
        {
            tasks[t] = [];
        }

        for (int g = groups - 1; g >= 0; g--)
        {
            int best = 0;
            for (int t = 1; t < taskCount; t++)
            {
                best = load[t] < load[best] ? t : best;
            }

            tasks[best].Add(g);
            load[best] += g + 1;
        }

        return tasks.Select(t => t.ToArray()).ToArray();
    }

    // normal[block g1, block g2] += Σ v_g1 ⊗ v_g2 over the count packed rows at slots o1.., o2.. (g1 > g2).
    // Lane q of accumulator a holds the product of g1's entry a with g2's entry q. The rows go by runs with the
    // same two windows (each ends where the first of the two groups' runs ends); two sets of accumulators take
    // alternate rows of a run (so that each chain waits on half the additions), added to the matrix once per run.
    private void EdgePair(int o1, int o2, int count, int w1, int w2, double[] normal, int n)
    {
        ref double p1 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_packed), (nint)o1 * Lanes);
        ref double p2 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_packed), (nint)o2 * Lanes);
        ref int k1 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_starts), o1);
        ref int k2 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_starts), o2);
        ref int e1 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_runEnds), o1);
        ref int e2 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_runEnds), o2);
        ref double h = ref MemoryMarshal.GetArrayDataReference(normal);
        int q = 0;
        while (q < count)
        {
            int end = Math.Min(Unsafe.Add(ref e1, q), Unsafe.Add(ref e2, q));
            int s1 = Unsafe.Add(ref k1, q), s2 = Unsafe.Add(ref k2, q);
            Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default;
            Vector512<double> b0 = default, b1 = default, b2 = default, b3 = default, b4 = default, b5 = default;
            ref double u = ref Unsafe.Add(ref p1, q * Lanes);
            ref double w = ref Unsafe.Add(ref p2, q * Lanes);
            for (; q + 1 < end; q += 2)
            {
                Vector512<double> v = Vector512.LoadUnsafe(ref w);
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(u), v, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 1)), v, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 2)), v, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 3)), v, a3);
                a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 4)), v, a4);
                a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 5)), v, a5);
                v = Vector512.LoadUnsafe(ref w, Lanes);
                b0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, Lanes)), v, b0);
                b1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, Lanes + 1)), v, b1);
                b2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, Lanes + 2)), v, b2);
                b3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, Lanes + 3)), v, b3);
                b4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, Lanes + 4)), v, b4);
                b5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, Lanes + 5)), v, b5);
                u = ref Unsafe.Add(ref u, 2 * Lanes);
                w = ref Unsafe.Add(ref w, 2 * Lanes);
            }

            if (q < end)
            {
                Vector512<double> v = Vector512.LoadUnsafe(ref w);
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(u), v, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 1)), v, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 2)), v, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 3)), v, a3);
                a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 4)), v, a4);
                a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 5)), v, a5);
                q++;
            }

            FlushPair(ref h, n, s1, w1, s2, w2, a0 + b0, a1 + b1, a2 + b2, a3 + b3, a4 + b4, a5 + b5);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FlushPair(
        ref double h, int n, int s1, int w1, int s2, int w2,
        Vector512<double> a0, Vector512<double> a1, Vector512<double> a2, Vector512<double> a3, Vector512<double> a4, Vector512<double> a5)
    {
        FlushRow(ref Unsafe.Add(ref h, (nint)s1 * n), s2, w2, a0);
        FlushRow(ref Unsafe.Add(ref h, (nint)(s1 + 1) * n), s2, w2, a1);
        FlushRow(ref Unsafe.Add(ref h, (nint)(s1 + 2) * n), s2, w2, a2);
        FlushRow(ref Unsafe.Add(ref h, (nint)(s1 + 3) * n), s2, w2, a3);
        FlushRow(ref Unsafe.Add(ref h, (nint)w1 * n), s2, w2, a4);
        FlushRow(ref Unsafe.Add(ref h, (nint)(w1 + 1) * n), s2, w2, a5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FlushRow(ref double row, int s, int w, Vector512<double> a)
    {
        ref double window = ref Unsafe.Add(ref row, s);
        (Vector256.LoadUnsafe(ref window) + a.GetLower()).StoreUnsafe(ref window);
        ref double weights = ref Unsafe.Add(ref row, w);
        (Vector128.LoadUnsafe(ref weights) + a.GetUpper().GetLower()).StoreUnsafe(ref weights);
    }

    // The diagonal block of group g (its lower triangle) and the group's part of Jᵀr, over the packed rows
    // at slots o.. whose residuals start at r.
    private void EdgeSelf(int o, int r, int count, int w, double[] normal, double[] gradient, int n)
    {
        ref double p = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_packed), (nint)o * Lanes);
        ref int k = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_starts), o);
        ref double res = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_packedResiduals), r);
        int s = Unsafe.Add(ref k, 0);
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, ar = default;
        for (int q = 0; q < count; q++)
        {
            int t = Unsafe.Add(ref k, q);
            if (t != s)
            {
                FlushSelf(normal, gradient, n, s, w, [a0, a1, a2, a3, a4, a5], ar);
                s = t;
                a0 = a1 = a2 = a3 = a4 = a5 = ar = default;
            }

            ref double u = ref Unsafe.Add(ref p, q * Lanes);
            Vector512<double> v = Vector512.LoadUnsafe(ref u);
            a0 = Vector512.FusedMultiplyAdd(Vector512.Create(u), v, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 1)), v, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 2)), v, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 3)), v, a3);
            a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 4)), v, a4);
            a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref u, 5)), v, a5);
            ar = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref res, q)), v, ar);
        }

        if (count > 0)
        {
            FlushSelf(normal, gradient, n, s, w, [a0, a1, a2, a3, a4, a5], ar);
        }
    }

    // Entry (a, q) of the 6×6 block goes to (column of a, column of q) when that is on or below the diagonal.
    private static void FlushSelf(double[] normal, double[] gradient, int n, int s, int w, ReadOnlySpan<Vector512<double>> a, Vector512<double> ar)
    {
        Span<int> columns = [s, s + 1, s + 2, s + 3, w, w + 1];
        for (int i = 0; i < EdgeGroup; i++)
        {
            int row = columns[i] * n;
            for (int j = 0; j <= Math.Min(i, 3); j++)
            {
                normal[row + columns[j]] += a[i].GetElement(j);
            }

            for (int j = 4; j <= i; j++)
            {
                normal[row + columns[j]] += a[i].GetElement(j);
            }

            gradient[columns[i]] += ar.GetElement(i);
        }
    }
}
