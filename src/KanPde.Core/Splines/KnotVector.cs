namespace KanPde.Core.Splines;

/// <summary>
/// The knots of B-splines of order k (degree k) on a grid of G intervals [g_0, g_G], padded with k
/// knots on each side: t_0 &lt; … &lt; t_{G+2k}, with t_k = g_0 and t_{G+k} = g_G. It carries G + k
/// basis functions; basis i is supported on [t_i, t_{i+k+1}].
/// </summary>
/// <remarks>
/// Internally k further "virtual" knots are kept on each side (continuing the end spacing), so that the
/// local de Boor recursion is defined on every interval; basis functions that would need them are
/// never reported.
/// </remarks>
public sealed class KnotVector
{
    private readonly double[] _extended; // t_{-k} .. t_{G+3k}: _extended[i + k] = t_i

    private KnotVector(double[] extended, int intervals, int order, bool uniform)
    {
        _extended = extended;
        Intervals = intervals;
        Order = order;
        IsUniform = uniform;
        Spacing = uniform ? extended[order + 1] - extended[order] : double.NaN;
    }

    /// <summary>Number of grid intervals G.</summary>
    public int Intervals { get; }

    /// <summary>Spline order k (degree of the polynomial pieces).</summary>
    public int Order { get; }

    /// <summary>Number of basis functions, G + k.</summary>
    public int BasisCount => Intervals + Order;

    /// <summary>Whether all knots are equally spaced (then <see cref="Spacing"/> is that spacing).</summary>
    public bool IsUniform { get; }

    /// <summary>Knot spacing of a uniform knot vector; NaN otherwise.</summary>
    public double Spacing { get; }

    /// <summary>The first grid point g_0 = t_k.</summary>
    public double Low => this[Order];

    /// <summary>The last grid point g_G = t_{G+k}.</summary>
    public double High => this[Intervals + Order];

    /// <summary>Knot t_i for −k ≤ i ≤ G + 3k (indices outside 0..G+2k are the virtual knots).</summary>
    public double this[int i] => _extended[i + Order];

    /// <summary>The real knots t_0 .. t_{G+2k}.</summary>
    public ReadOnlySpan<double> Knots => _extended.AsSpan(Order, Intervals + 2 * Order + 1);

    /// <summary>The grid points g_0 .. g_G (the knots without padding).</summary>
    public ReadOnlySpan<double> GridPoints => _extended.AsSpan(2 * Order, Intervals + 1);

    /// <summary>G equal intervals on [low, high], padded with k knots of the same spacing on each side.</summary>
    public static KnotVector Uniform(double low, double high, int intervals, int order)
    {
        ValidateShape(intervals, order);
        if (!(low < high) || !double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new ArgumentException($"Need finite low < high, got [{low}, {high}].", nameof(low));
        }

        double h = (high - low) / intervals;
        var ext = new double[intervals + 4 * order + 1];
        for (int i = 0; i < ext.Length; i++)
        {
            ext[i] = low + (i - 2 * order) * h;
        }

        ext[2 * order] = low;
        ext[2 * order + intervals] = high;
        return new KnotVector(ext, intervals, order, uniform: true);
    }

    /// <summary>
    /// Knots on the given strictly increasing grid points g_0 &lt; … &lt; g_G, padded with k knots on each
    /// side that continue the spacing of the end intervals.
    /// </summary>
    public static KnotVector FromGrid(ReadOnlySpan<double> gridPoints, int order) => FromGrid(gridPoints, order, detectUniform: true);

    /// <summary>As <see cref="FromGrid(ReadOnlySpan{double}, int)"/>; tests can keep a uniform grid on the general path.</summary>
    internal static KnotVector FromGrid(ReadOnlySpan<double> gridPoints, int order, bool detectUniform)
    {
        int intervals = gridPoints.Length - 1;
        ValidateShape(intervals, order);
        for (int i = 0; i < gridPoints.Length; i++)
        {
            if (!double.IsFinite(gridPoints[i]) || (i > 0 && !(gridPoints[i] > gridPoints[i - 1])))
            {
                throw new ArgumentException("Grid points must be finite and strictly increasing.", nameof(gridPoints));
            }
        }

        var ext = new double[intervals + 4 * order + 1];
        gridPoints.CopyTo(ext.AsSpan(2 * order));
        double hLow = gridPoints[1] - gridPoints[0];
        double hHigh = gridPoints[intervals] - gridPoints[intervals - 1];
        for (int i = 1; i <= 2 * order; i++)
        {
            ext[2 * order - i] = gridPoints[0] - i * hLow;
            ext[2 * order + intervals + i] = gridPoints[intervals] + i * hHigh;
        }

        double h0 = (gridPoints[intervals] - gridPoints[0]) / intervals;
        bool uniform = true;
        for (int i = 0; i <= intervals; i++)
        {
            uniform &= Math.Abs(gridPoints[i] - (gridPoints[0] + i * h0)) <= 1e-13 * Math.Max(1, Math.Abs(gridPoints[i]));
        }

        return uniform && detectUniform
            ? Uniform(gridPoints[0], gridPoints[intervals], intervals, order)
            : new KnotVector(ext, intervals, order, uniform: false);
    }

    /// <summary>
    /// The knot interval j (0 ≤ j &lt; G + 2k) with t_j ≤ x &lt; t_{j+1}, or −1 when x lies outside
    /// [t_0, t_{G+2k}) (where every basis function is zero). Constant time on uniform knots.
    /// </summary>
    public int FindInterval(double x)
    {
        int last = Intervals + 2 * Order; // index of the last real knot
        if (IsUniform)
        {
            double u = (x - this[0]) / Spacing;
            if (!(u >= 0) || u >= last)
            {
                return -1;
            }

            int j = (int)u;
            // Guard against rounding at knots: keep t_j <= x < t_{j+1}.
            if (x < this[j] && j > 0)
            {
                j--;
            }
            else if (j + 1 < last && x >= this[j + 1])
            {
                j++;
            }

            return j;
        }

        if (!(x >= this[0]) || x >= this[last])
        {
            return -1;
        }

        int lo = 0, hi = last; // invariant: t_lo <= x < t_hi
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (x >= this[mid])
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void ValidateShape(int intervals, int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1, nameof(intervals));
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1, nameof(order));
    }
}
