namespace KanPde.Core.Splines;

/// <summary>
/// Every B-spline of order k restricted to one knot interval is a polynomial of degree k in the local
/// coordinate f = (x − t_j)/(t_{j+1} − t_j). These tables give, for every interval of a knot vector, the
/// coefficients of the k+1 basis functions that live there — fixed numbers that depend on the knots only,
/// so a spline Σ c·B becomes one polynomial per interval once its coefficients are known.
/// </summary>
public sealed class IntervalPolynomials
{
    private readonly double[] _table; // [(j * (k+1) + m) * (k+1) + q]
    private readonly double[] _inverseWidth;
    private readonly bool _uniform;
    private readonly double _origin;
    private readonly double _inverseSpacing;

    /// <summary>Builds the tables of every interval t_j .. t_{j+1}, 0 ≤ j &lt; G + 2k.</summary>
    public IntervalPolynomials(KnotVector knots)
    {
        ArgumentNullException.ThrowIfNull(knots);
        Knots = knots;
        _uniform = knots.IsUniform;
        _origin = knots[0];
        _inverseSpacing = 1 / knots.Spacing;
        int k = knots.Order, w = k + 1, intervals = knots.Intervals + 2 * k;
        _table = new double[intervals * w * w];
        _inverseWidth = new double[intervals];
        double[] cardinal = knots.IsUniform ? CardinalPieces.For(k) : [];
        Span<double> derivatives = stackalloc double[w * w];
        for (int j = 0; j < intervals; j++)
        {
            double h = knots[j + 1] - knots[j];
            _inverseWidth[j] = 1 / h;
            Span<double> block = _table.AsSpan(j * w * w, w * w);
            if (knots.IsUniform)
            {
                cardinal.CopyTo(block);
                continue;
            }

            // Taylor coefficients at t_j: coefficient of f^q is Dᵠ B(t_j)·h^q / q!.
            BSplineBasis.EvaluateGeneral(knots, j, knots[j], k, derivatives);
            for (int m = 0; m < w; m++)
            {
                double factor = 1;
                for (int q = 0; q < w; q++)
                {
                    block[m * w + q] = derivatives[q * w + m] * factor;
                    factor *= h / (q + 1);
                }
            }
        }
    }

    /// <summary>Whether every interval has the same table (uniform knots).</summary>
    public bool IsUniform => _uniform;

    /// <summary>The knot vector.</summary>
    public KnotVector Knots { get; }

    /// <summary>Number of intervals, G + 2k.</summary>
    public int IntervalCount => _inverseWidth.Length;

    /// <summary>Coefficients of interval j: <c>[m * (k+1) + q]</c> = coefficient of f^q in B_{j−k+m}.</summary>
    public ReadOnlySpan<double> Interval(int j) => _table.AsSpan(j * (Knots.Order + 1) * (Knots.Order + 1), (Knots.Order + 1) * (Knots.Order + 1));

    /// <summary>1 / (t_{j+1} − t_j).</summary>
    public double InverseWidth(int j) => _inverseWidth[j];

    /// <summary>
    /// <see cref="Locate"/> for a block: effectively <c>interval[p] = Locate(x[p], out frac[p])</c> and
    /// <c>inverseWidth[p]</c> = 1/(t_{j+1} − t_j), or 0 outside the knots.
    /// </summary>
    public void LocateBlock(ReadOnlySpan<double> x, Span<int> interval, Span<double> frac, Span<double> inverseWidth)
    {
        int n = x.Length, outside = _inverseWidth.Length;
        if (interval.Length < n || frac.Length < n || inverseWidth.Length < n)
        {
            throw new ArgumentException("Destination shorter than the source.");
        }

        if (!_uniform)
        {
            for (int p = 0; p < n; p++)
            {
                int j = Locate(x[p], out double f);
                interval[p] = j;
                frac[p] = f;
                inverseWidth[p] = j < outside ? _inverseWidth[j] : 0;
            }

            return;
        }

        double origin = _origin, scale = _inverseSpacing;
        for (int p = 0; p < n; p++)
        {
            double u = (x[p] - origin) * scale;
            if (u >= 0 && u < outside)
            {
                int j = (int)u;
                interval[p] = j;
                frac[p] = u - j;
                inverseWidth[p] = scale;
            }
            else
            {
                interval[p] = outside;
                frac[p] = 0;
                inverseWidth[p] = 0;
            }
        }
    }

    /// <summary>
    /// Locates x: the interval j and local coordinate f ∈ [0, 1), or j = <see cref="IntervalCount"/>
    /// (meaning "every basis function is zero here") when x lies outside [t_0, t_{G+2k}).
    /// </summary>
    public int Locate(double x, out double f)
    {
        int j;
        if (_uniform)
        {
            double u = (x - _origin) * _inverseSpacing;
            if (!(u >= 0) || u >= _inverseWidth.Length)
            {
                f = 0;
                return _inverseWidth.Length;
            }

            j = (int)u;
            f = u - j;
            return j;
        }

        KnotVector t = Knots;
        j = t.FindInterval(x);
        if (j < 0)
        {
            f = 0;
            return IntervalCount;
        }

        f = (x - t[j]) * _inverseWidth[j];
        return j;
    }
}
