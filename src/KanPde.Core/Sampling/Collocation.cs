namespace KanPde.Core.Sampling;

/// <summary>
/// Collocation points in a box and on its faces, and the evaluation grid. Pure functions: the same
/// arguments give the same points; all randomness comes from the seed passed in.
/// </summary>
public static class Collocation
{
    /// <summary>
    /// About <paramref name="count"/> points in the box. Uniform, Sobol and Halton give exactly
    /// <paramref name="count"/>; <see cref="SamplingMethod.Grid"/> gives the tensor grid of
    /// <see cref="GridNodesPerAxis"/>(count, d) nodes per axis, boundary nodes included
    /// (10000 in 2-D → 100 × 100; 2601 → 51 × 51; 1000 in 2-D → 32 × 32 = 1024).
    /// </summary>
    public static PointSet Interior(Box box, int count, SamplingMethod method, long seed)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double[] unit = method == SamplingMethod.Grid
            ? UnitGrid(box.Dimension, GridNodesPerAxis(count, box.Dimension))
            : Unit(method, box.Dimension, count, new SeededRandom(seed, 1));
        int n = unit.Length / box.Dimension;
        for (int k = 0; k < box.Dimension; k++)
        {
            Scale(unit.AsSpan(k * n, n), box.Low[k], box.High[k]);
        }

        return new PointSet(box.Dimension, unit);
    }

    /// <summary>
    /// About <paramref name="count"/> points on the face where axis <paramref name="axis"/> is at its low
    /// (or, with <paramref name="high"/>, its high) bound, spread over the other axes as
    /// <see cref="Interior"/> spreads them in d − 1 dimensions. In one dimension a face is a single point
    /// and exactly one point is returned, whatever the count. <paramref name="stream"/> separates the
    /// random streams of different faces drawn from the same seed.
    /// </summary>
    public static PointSet Face(Box box, int axis, bool high, int count, SamplingMethod method, long seed, long stream = 0)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentOutOfRangeException.ThrowIfNegative(axis);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(axis, box.Dimension);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int d = box.Dimension;
        double fixedValue = high ? box.High[axis] : box.Low[axis];
        if (d == 1)
        {
            return new PointSet(1, [fixedValue]);
        }

        double[] unit = method == SamplingMethod.Grid
            ? UnitGrid(d - 1, GridNodesPerAxis(count, d - 1))
            : Unit(method, d - 1, count, new SeededRandom(seed, 1000 + (2 * stream) + (high ? 1 : 0) + (1000 * axis)));
        int n = unit.Length / (d - 1);
        var data = new double[d * n];
        int source = 0;
        for (int k = 0; k < d; k++)
        {
            Span<double> target = data.AsSpan(k * n, n);
            if (k == axis)
            {
                target.Fill(fixedValue);
                continue;
            }

            unit.AsSpan(source * n, n).CopyTo(target);
            Scale(target, box.Low[k], box.High[k]);
            source++;
        }

        return new PointSet(d, data);
    }

    /// <summary>
    /// Whether <see cref="Grid"/> can build a grid of <paramref name="pointsPerAxis"/>^<paramref name="dimension"/>
    /// points: its coordinates (dimension · points numbers) must fit in one array.
    /// </summary>
    public static bool GridFits(int dimension, int pointsPerAxis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerAxis, 1);
        long total = dimension;
        for (int k = 0; k < dimension; k++)
        {
            total *= pointsPerAxis;
            if (total > Array.MaxLength)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The uniform tensor grid with <paramref name="pointsPerAxis"/> nodes per axis, bounds included; axis 0 varies slowest.</summary>
    public static PointSet Grid(Box box, int pointsPerAxis)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerAxis, 2);
        double[] unit = UnitGrid(box.Dimension, pointsPerAxis);
        int n = unit.Length / box.Dimension;
        for (int k = 0; k < box.Dimension; k++)
        {
            Scale(unit.AsSpan(k * n, n), box.Low[k], box.High[k]);
        }

        return new PointSet(box.Dimension, unit);
    }

    /// <summary>Nodes per axis for a grid of about <paramref name="count"/> points in <paramref name="dimension"/> dimensions: round(count^(1/d)), at least 2.</summary>
    public static int GridNodesPerAxis(int count, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        int m = (int)Math.Round(Math.Pow(count, 1.0 / dimension));
        return Math.Max(2, m);
    }

    /// <summary>Joins point sets of the same dimension, in order.</summary>
    public static PointSet Concatenate(IReadOnlyList<PointSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0)
        {
            throw new ArgumentException("At least one point set is needed.", nameof(sets));
        }

        int d = sets[0].Dimension;
        int total = sets.Sum(s => s.Count);
        var data = new double[d * total];
        int offset = 0;
        foreach (PointSet set in sets)
        {
            if (set.Dimension != d)
            {
                throw new ArgumentException("All point sets must have the same dimension.", nameof(sets));
            }

            for (int k = 0; k < d; k++)
            {
                set.Coordinate(k).CopyTo(data.AsSpan((k * total) + offset, set.Count));
            }

            offset += set.Count;
        }

        return new PointSet(d, data);
    }

    private static double[] Unit(SamplingMethod method, int dimension, int count, SeededRandom random)
    {
        switch (method)
        {
            case SamplingMethod.Uniform:
                var data = new double[dimension * count];
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = random.NextDouble();
                }

                return data;
            case SamplingMethod.Sobol:
                return SobolSequence.Generate(dimension, count, random);
            case SamplingMethod.Halton:
                return HaltonSequence.Generate(dimension, count, random);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Not a random or low-discrepancy method.");
        }
    }

    // Coordinate-major tensor grid on [0,1]^d with m nodes per axis; axis 0 varies slowest.
    private static double[] UnitGrid(int dimension, int m)
    {
        if (!GridFits(dimension, m))
        {
            throw new ArgumentOutOfRangeException(nameof(m), $"A grid of {m}^{dimension} points is too large.");
        }

        int n = 1;
        for (int k = 0; k < dimension; k++)
        {
            n *= m;
        }

        var data = new double[dimension * n];
        for (int p = 0; p < n; p++)
        {
            int rest = p;
            for (int k = dimension - 1; k >= 0; k--)
            {
                data[(k * n) + p] = (double)(rest % m) / (m - 1);
                rest /= m;
            }
        }

        return data;
    }

    private static void Scale(Span<double> values, double low, double high)
    {
        double width = high - low;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = values[i] == 1.0 ? high : low + (width * values[i]);
        }
    }
}
