namespace KanPde.Core.Geometry;

/// <summary>
/// One piece of a shape's boundary: the part of a <see cref="Surface"/> (a box face, a sphere or a polygon
/// edge of the primitive shape <see cref="Source"/>) that lies on the boundary of <see cref="Owner"/>, the
/// shape whose <see cref="Shape.Pieces"/> list holds it. For primitive shapes the piece is the whole surface;
/// for composites it is clipped (<see cref="IsClipped"/>) and its normals may be flipped.
/// </summary>
public sealed class BoundaryPiece
{
    /// <summary>Unit parameters (Sobol, fixed seed 0) used to estimate the measure of a clipped piece.</summary>
    public const int MeasureSamples = 1 << 12;

    private readonly Lazy<double> _measure;
    private readonly Shape[] _lineage;

    internal BoundaryPiece(Shape source, PieceSurface surface, bool normalFlipped, Shape owner, int index, Shape[]? lineage = null)
    {
        _lineage = lineage ?? [source];
        Source = source;
        Surface = surface;
        NormalFlipped = normalFlipped;
        Owner = owner;
        Index = index;
        _measure = new Lazy<double>(ComputeMeasure);
    }

    /// <summary>The primitive shape (box, ball or polygon) whose surface the piece lies on.</summary>
    public Shape Source { get; }

    /// <summary>The <see cref="Shape.Name"/> of <see cref="Source"/> (for example "hole").</summary>
    public string? SourceName => Source.Name;

    /// <summary>The shape whose boundary this piece is part of (the composite, or <see cref="Source"/> itself).</summary>
    public Shape Owner { get; }

    /// <summary>
    /// The shapes the piece came through: <see cref="Source"/> first, then each composite it is an operand of,
    /// innermost first, up to but not including <see cref="Owner"/>. In box − union(disk "a", disk "b") named
    /// "holes", the piece of disk "a" has lineage [a, holes].
    /// </summary>
    public IReadOnlyList<Shape> Lineage => _lineage;

    /// <summary>Position of the piece in <see cref="Owner"/>'s <see cref="Shape.Pieces"/>.</summary>
    public int Index { get; }

    /// <summary>The whole surface the piece lies on.</summary>
    public PieceSurface Surface { get; }

    /// <summary>The kind of <see cref="Surface"/>.</summary>
    public PieceKind Kind => Surface.Kind;

    /// <summary>
    /// Whether the normals are flipped from those of <see cref="Source"/>: the piece comes from a shape
    /// subtracted in a difference, so its outward normal (outward of <see cref="Owner"/>) points into <see cref="Source"/>.
    /// </summary>
    public bool NormalFlipped { get; }

    /// <summary>Whether only part of <see cref="Surface"/> may lie on the piece (the owner is a composite).</summary>
    public bool IsClipped => !ReferenceEquals(Owner, Source);

    /// <summary>
    /// Length / area of the piece: exact (<see cref="PieceSurface.Measure"/>) when not clipped; otherwise
    /// estimated as the surface's measure times the fraction of the first <see cref="MeasureSamples"/> Sobol
    /// parameters (digital shift from seed 0) whose points <see cref="IsOnPiece"/> keeps. Deterministic.
    /// </summary>
    public double Measure => _measure.Value;

    /// <summary>Whether <paramref name="shape"/> is <see cref="Owner"/> or in <see cref="Lineage"/>: the piece lies on the boundary of that shape.</summary>
    public bool ComesFrom(Shape shape) => ReferenceEquals(shape, Owner) || _lineage.Any(s => ReferenceEquals(s, shape));

    /// <summary>Whether <see cref="Owner"/> or a shape of <see cref="Lineage"/> is named <paramref name="name"/>.</summary>
    public bool ComesFrom(string name) => Owner.Name == name || _lineage.Any(s => s.Name == name);

    /// <summary>"face axis 0 high of box 'outer'", "sphere of ball 'hole'", "edge 2 of polygon", for messages.</summary>
    public string Describe() => Surface switch
    {
        BoxFace f => $"face axis {f.Axis} {(f.High ? "high" : "low")} of {Source.Describe()}",
        PolygonEdge e => $"edge {e.Index} of {Source.Describe()}",
        _ => $"sphere of {Source.Describe()}",
    };

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <summary>
    /// The point of <see cref="Surface"/> at parameters <paramref name="unit"/> and the piece's outward unit
    /// normal there (<see cref="PieceSurface.Map"/>, negated when <see cref="NormalFlipped"/>); the point may
    /// be off the clipped piece, which <see cref="IsOnPiece"/> tells.
    /// </summary>
    public void Map(ReadOnlySpan<double> unit, Span<double> point, Span<double> normal)
    {
        Surface.Map(unit, point, normal);
        if (NormalFlipped)
        {
            for (int k = 0; k < normal.Length; k++)
            {
                normal[k] = -normal[k];
            }
        }
    }

    /// <summary>
    /// Whether a point of <see cref="Surface"/>, with the piece's outward normal <paramref name="normal"/> there,
    /// lies on the piece. Always true when not clipped. Otherwise, with R = <see cref="Owner"/>, tolerance
    /// τ = R.<see cref="Shape.Tolerance"/> and step δ = 1e-7 · R.<see cref="Shape.Scale"/>: the point is on R's
    /// boundary (|R.SignedDistance(p)| ≤ τ), p + δn is outside R and p − δn inside (so a face shared by two
    /// touching operands, inside the union, is dropped), and no earlier piece of R lying on another source's
    /// surface passes within τ of p (so where two operands' boundaries coincide the shared part is kept once,
    /// by the first piece).
    /// </summary>
    public bool IsOnPiece(ReadOnlySpan<double> point, ReadOnlySpan<double> normal)
    {
        if (!IsClipped)
        {
            return true;
        }

        Shape owner = Owner;
        double tolerance = owner.Tolerance;
        if (Math.Abs(owner.SignedDistance(point)) > tolerance)
        {
            return false;
        }

        double step = 1e-7 * owner.Scale;
        Span<double> shifted = point.Length <= 16 ? stackalloc double[point.Length] : new double[point.Length];
        for (int k = 0; k < point.Length; k++)
        {
            shifted[k] = point[k] + (step * normal[k]);
        }

        if (!(owner.SignedDistance(shifted) > 0))
        {
            return false;
        }

        for (int k = 0; k < point.Length; k++)
        {
            shifted[k] = point[k] - (step * normal[k]);
        }

        if (!(owner.SignedDistance(shifted) < 0))
        {
            return false;
        }

        IReadOnlyList<BoundaryPiece> pieces = owner.Pieces;
        for (int j = 0; j < Index; j++)
        {
            BoundaryPiece other = pieces[j];
            if (!ReferenceEquals(other.Source, Source) && other.Surface.Distance(point) <= tolerance)
            {
                return false;
            }
        }

        return true;
    }

    private double ComputeMeasure()
    {
        if (!IsClipped)
        {
            return Surface.Measure;
        }

        int p = Surface.ParameterDimension;
        int d = Surface.Dimension;
        double[] unit = Sampling.SobolSequence.Generate(p, MeasureSamples, new Sampling.SeededRandom(0));
        Span<double> u = stackalloc double[p];
        var point = new double[d];
        var normal = new double[d];
        int kept = 0;
        for (int i = 0; i < MeasureSamples; i++)
        {
            for (int k = 0; k < p; k++)
            {
                u[k] = unit[(k * MeasureSamples) + i];
            }

            Map(u, point, normal);
            if (IsOnPiece(point, normal))
            {
                kept++;
            }
        }

        return Surface.Measure * kept / MeasureSamples;
    }
}
