using KanPde.Core.Sampling;

namespace KanPde.Core.Geometry;

/// <summary>
/// Points on a boundary with their outward unit normals. <see cref="Normals"/> is coordinate-major like
/// <see cref="PointSet.Coordinates"/>: component k of the normal at point p is <c>Normals[k * Count + p]</c>.
/// <see cref="PieceIndex"/>[p] is the position, in the list of pieces that was sampled, of the piece point p
/// lies on; points come piece after piece in that order.
/// </summary>
public sealed record BoundarySample(PointSet Points, double[] Normals, int[] PieceIndex)
{
    /// <summary>Number of points.</summary>
    public int Count => Points.Count;

    /// <summary>Component <paramref name="k"/> of every normal.</summary>
    public ReadOnlySpan<double> NormalComponent(int k) => Normals.AsSpan(k * Count, Count);
}

/// <summary>
/// Collocation points inside a shape and on pieces of its boundary. Pure functions: the same arguments
/// give bit-identical points; all randomness comes from the seed.
/// </summary>
public static class ShapeSampling
{
    /// <summary>
    /// Largest number of candidates a sampler draws before it gives up with an
    /// <see cref="InvalidOperationException"/> (the region is then practically empty: a shape filling less
    /// than count / 2^24 of its bounding box, or a clipped piece keeping less than that of its surface).
    /// </summary>
    public const int MaxCandidates = 1 << 24;

    private const long BoundaryStream = 1 << 20;

    /// <summary>
    /// Points in the closed shape (<see cref="Shape.Contains"/>). Uniform, Sobol and Halton give exactly
    /// <paramref name="count"/> points by rejection from the bounding box: the candidates are the points
    /// <see cref="Collocation.Interior"/>(shape.Bounds, count, method, seed) gives, and while fewer than
    /// <paramref name="count"/> are inside, the same sequence continued (Sobol / Halton: the next indices;
    /// uniform: the same generator's next doubles, batch after batch, coordinate-major within a batch);
    /// the first <paramref name="count"/> inside, in sequence order, are kept. A box shape therefore gives
    /// exactly the points of Collocation.Interior. <see cref="SamplingMethod.Grid"/> keeps the nodes of the
    /// grid Collocation.Interior(shape.Bounds, count, Grid, seed) that lie in the shape, so about
    /// count × (shape measure / bounds measure) points, possibly none for a very thin shape.
    /// </summary>
    public static PointSet Interior(Shape shape, int count, SamplingMethod method, long seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Box bounds = shape.Bounds;
        int d = shape.Dimension;
        if (method == SamplingMethod.Grid)
        {
            PointSet grid = Collocation.Interior(bounds, count, SamplingMethod.Grid, seed);
            var kept = new List<int>();
            var point = new double[d];
            for (int p = 0; p < grid.Count; p++)
            {
                for (int k = 0; k < d; k++)
                {
                    point[k] = grid.Coordinates[(k * grid.Count) + p];
                }

                if (shape.Contains(point))
                {
                    kept.Add(p);
                }
            }

            var data = new double[d * kept.Count];
            for (int k = 0; k < d; k++)
            {
                ReadOnlySpan<double> axis = grid.Coordinate(k);
                for (int i = 0; i < kept.Count; i++)
                {
                    data[(k * kept.Count) + i] = axis[kept[i]];
                }
            }

            return new PointSet(d, data);
        }

        // Stream 1 is the one Collocation.Interior draws from.
        var stream = new UnitStream(method, d, seed, 1);
        var result = new double[d * count];
        var candidate = new double[d];
        int accepted = 0;
        int drawn = 0;
        int batch = count;
        while (accepted < count)
        {
            if (drawn >= MaxCandidates)
            {
                throw new InvalidOperationException($"{shape.Describe()}: no room inside after {drawn} candidates; is the shape empty?");
            }

            double[] unit = stream.Next(batch);
            for (int i = 0; i < batch && accepted < count; i++)
            {
                for (int k = 0; k < d; k++)
                {
                    candidate[k] = Scale(unit[(k * batch) + i], bounds.Low[k], bounds.High[k]);
                }

                if (shape.Contains(candidate))
                {
                    for (int k = 0; k < d; k++)
                    {
                        result[(k * count) + accepted] = candidate[k];
                    }

                    accepted++;
                }
            }

            drawn += batch;
            batch = UnitStream.NextBatch(count, accepted, drawn);
        }

        return new PointSet(d, result);
    }

    /// <summary>Points on the whole boundary of <paramref name="shape"/>: <see cref="Boundary(IReadOnlyList{BoundaryPiece}, int, SamplingMethod, long)"/> of all its pieces.</summary>
    public static BoundarySample Boundary(Shape shape, int count, SamplingMethod method, long seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Boundary(shape.Pieces, count, method, seed);
    }

    /// <summary>
    /// Points on <paramref name="pieces"/> (all of the same dimension) with the pieces' outward unit normals.
    /// The count is split over the pieces in proportion to their <see cref="BoundaryPiece.Measure"/> by
    /// <see cref="Split"/>. Piece k (its position in the list) draws its share from its own stream:
    /// parameters of its surface from <see cref="SeededRandom"/>(seed, 2^20 + piece.Index) (uniform, or the
    /// Sobol / Halton sequence shifted from it), mapped to the surface uniformly by length / area
    /// (<see cref="PieceSurface.Map"/>); a clipped piece rejects the points <see cref="BoundaryPiece.IsOnPiece"/>
    /// refuses and continues its sequence until it has its share, so uniform, Sobol and Halton give exactly
    /// <paramref name="count"/> points. <see cref="SamplingMethod.Grid"/> puts a piece's share on the cell
    /// midpoints (i + ½)/m of a tensor grid in its parameters (m per parameter, m^p ≈ share / kept fraction),
    /// keeping the ones on the piece: exactly the share for an unclipped piece with one parameter (a polygon
    /// edge, a 2-D circle or a face in 2-D), about it otherwise. On spheres of d ≥ 4 the grid is not equal-area.
    /// </summary>
    public static BoundarySample Boundary(IReadOnlyList<BoundaryPiece> pieces, int count, SamplingMethod method, long seed)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (pieces.Count == 0 || pieces.Any(p => p is null))
        {
            throw new ArgumentException("At least one piece is needed, none of them null.", nameof(pieces));
        }

        int d = pieces[0].Surface.Dimension;
        if (pieces.Any(p => p.Surface.Dimension != d))
        {
            throw new ArgumentException("All pieces must have the same dimension.", nameof(pieces));
        }

        double[] measures = [.. pieces.Select(p => p.Measure)];
        if (!(measures.Sum() > 0))
        {
            throw new ArgumentException("The pieces have zero total measure: nothing of them lies on the boundary.", nameof(pieces));
        }

        int[] shares = Split(measures, count);
        var points = new List<double[]>();
        var normals = new List<double[]>();
        var pieceIndex = new List<int>();
        for (int k = 0; k < pieces.Count; k++)
        {
            if (shares[k] == 0)
            {
                continue;
            }

            SamplePiece(pieces[k], shares[k], method, seed, points, normals);
            while (pieceIndex.Count < points.Count)
            {
                pieceIndex.Add(k);
            }
        }

        int n = points.Count;
        var coordinates = new double[d * n];
        var normalData = new double[d * n];
        for (int p = 0; p < n; p++)
        {
            for (int k = 0; k < d; k++)
            {
                coordinates[(k * n) + p] = points[p][k];
                normalData[(k * n) + p] = normals[p][k];
            }
        }

        return new BoundarySample(new PointSet(d, coordinates), normalData, [.. pieceIndex]);
    }

    /// <summary>
    /// Splits <paramref name="count"/> in proportion to <paramref name="measures"/> (largest remainder: each
    /// gets floor(count · m_k / Σm), and the points left go one each to the largest fractional parts, the
    /// earlier piece first on ties). The shares sum to <paramref name="count"/>.
    /// </summary>
    public static int[] Split(IReadOnlyList<double> measures, int count)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        double total = measures.Sum();
        if (measures.Any(m => !(m >= 0) || !double.IsFinite(m)) || !(total > 0))
        {
            throw new ArgumentException("Measures must be finite, non-negative and not all zero.", nameof(measures));
        }

        var shares = new int[measures.Count];
        var fractions = new double[measures.Count];
        int given = 0;
        for (int k = 0; k < measures.Count; k++)
        {
            double exact = count * measures[k] / total;
            shares[k] = (int)Math.Floor(exact);
            fractions[k] = exact - shares[k];
            given += shares[k];
        }

        int[] order = [.. Enumerable.Range(0, measures.Count).OrderByDescending(k => fractions[k]).ThenBy(k => k)];
        for (int i = 0; given < count; i++)
        {
            int k = order[i % order.Length];
            if (measures[k] > 0)
            {
                shares[k]++;
                given++;
            }
        }

        return shares;
    }

    private static void SamplePiece(BoundaryPiece piece, int share, SamplingMethod method, long seed, List<double[]> points, List<double[]> normals)
    {
        int p = piece.Surface.ParameterDimension;
        int d = piece.Surface.Dimension;
        double[] u = new double[p];
        if (method == SamplingMethod.Grid)
        {
            double fraction = piece.Measure / piece.Surface.Measure;
            int m = Math.Max(1, (int)Math.Round(Math.Pow(share / fraction, 1.0 / p)));
            if (!Collocation.GridFits(p, m))
            {
                throw new ArgumentOutOfRangeException(nameof(share), $"A grid of {m}^{p} parameters is too large.");
            }

            long total = (long)Math.Pow(m, p);
            for (long index = 0; index < total; index++)
            {
                long rest = index;
                for (int k = p - 1; k >= 0; k--)
                {
                    u[k] = ((rest % m) + 0.5) / m;
                    rest /= m;
                }

                Add(piece, u, d, points, normals);
            }

            return;
        }

        var stream = new UnitStream(method, p, seed, BoundaryStream + piece.Index);
        int accepted = 0;
        int drawn = 0;
        int batch = share;
        while (accepted < share)
        {
            if (drawn >= MaxCandidates)
            {
                throw new InvalidOperationException($"{piece.Describe()}: no point on the piece after {drawn} candidates.");
            }

            double[] unit = stream.Next(batch);
            for (int i = 0; i < batch && accepted < share; i++)
            {
                for (int k = 0; k < p; k++)
                {
                    u[k] = unit[(k * batch) + i];
                }

                if (Add(piece, u, d, points, normals))
                {
                    accepted++;
                }
            }

            drawn += batch;
            batch = UnitStream.NextBatch(share, accepted, drawn);
        }
    }

    private static bool Add(BoundaryPiece piece, double[] unit, int d, List<double[]> points, List<double[]> normals)
    {
        var point = new double[d];
        var normal = new double[d];
        piece.Map(unit, point, normal);
        if (!piece.IsOnPiece(point, normal))
        {
            return false;
        }

        points.Add(point);
        normals.Add(normal);
        return true;
    }

    // The same affine map as Collocation's, so a box gives bit-identical points.
    private static double Scale(double u, double low, double high) => u == 1.0 ? high : low + ((high - low) * u);
}
