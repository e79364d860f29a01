namespace KanPde.Core.Geometry;

/// <summary>How a <see cref="CompositeShape"/> combines its operands.</summary>
public enum CompositeOperation
{
    /// <summary>Points in any operand.</summary>
    Union,

    /// <summary>Points in the first operand and in none of the others (the first minus the rest).</summary>
    Difference,

    /// <summary>Points in every operand.</summary>
    Intersection,
}

/// <summary>
/// A union, difference (first minus the rest) or intersection of shapes of the same dimension.
/// Its boundary pieces are the pieces of the operands, operand after operand in order, each clipped to the
/// part that lies on the boundary of this composite (<see cref="BoundaryPiece.IsOnPiece"/>): for a
/// difference A − B, B's boundary inside A with its normals flipped (pointing into B, outward of the
/// result); for a union, each operand's boundary outside the others; for an intersection, each operand's
/// boundary inside the others. Every operand's pieces stay in the list, in the same order, even where
/// nothing of them remains (their <see cref="BoundaryPiece.Measure"/> is then 0).
/// </summary>
public sealed class CompositeShape : Shape
{
    /// <summary>Sobol points of the bounds (seed 0) used to estimate <see cref="Measure"/>.</summary>
    public const int MeasureSamples = 1 << 16;

    private readonly Shape[] _operands;
    private readonly Lazy<BoundaryPiece[]> _pieces;
    private readonly Lazy<Box> _bounds;
    private readonly Lazy<double> _measure;

    /// <summary>Combines <paramref name="operands"/> (at least one; <see cref="ShapeValidation"/> asks for two and the same dimension).</summary>
    public CompositeShape(CompositeOperation operation, IReadOnlyList<Shape> operands, string? name = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(operands);
        if (operands.Count == 0 || operands.Any(o => o is null))
        {
            throw new ArgumentException("A composite needs at least one operand, none of them null.", nameof(operands));
        }

        if (!Enum.IsDefined(operation))
        {
            throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a composite operation.");
        }

        Operation = operation;
        _operands = [.. operands];
        _pieces = new Lazy<BoundaryPiece[]>(BuildPieces);
        _bounds = new Lazy<Box>(BuildBounds);
        _measure = new Lazy<double>(EstimateMeasure);
    }

    /// <summary>How the operands are combined.</summary>
    public CompositeOperation Operation { get; }

    /// <summary>The operands in order (for a difference, the first is the one the others are removed from).</summary>
    public IReadOnlyList<Shape> Operands => _operands;

    /// <inheritdoc />
    public override int Dimension => _operands[0].Dimension;

    /// <inheritdoc />
    public override string Kind => Operation switch
    {
        CompositeOperation.Union => "union",
        CompositeOperation.Difference => "difference",
        _ => "intersection",
    };

    /// <summary>
    /// Union: the box around the operands' bounds; difference: the first operand's bounds; intersection:
    /// the intersection of the operands' bounds (may be loose).
    /// </summary>
    public override Box Bounds => _bounds.Value;

    /// <inheritdoc />
    public override IReadOnlyList<BoundaryPiece> Pieces => _pieces.Value;

    /// <inheritdoc />
    public override double Measure => _measure.Value;

    /// <summary>The union of <paramref name="operands"/>.</summary>
    public static CompositeShape Union(IReadOnlyList<Shape> operands, string? name = null) =>
        new(CompositeOperation.Union, operands, name);

    /// <summary><paramref name="first"/> minus every shape of <paramref name="removed"/>.</summary>
    public static CompositeShape Difference(Shape first, IReadOnlyList<Shape> removed, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(removed);
        return new(CompositeOperation.Difference, [first, .. removed], name);
    }

    /// <summary>The intersection of <paramref name="operands"/>.</summary>
    public static CompositeShape Intersection(IReadOnlyList<Shape> operands, string? name = null) =>
        new(CompositeOperation.Intersection, operands, name);

    private protected override double SignedDistanceCore(ReadOnlySpan<double> point)
    {
        double value = _operands[0].SignedDistance(point);
        for (int i = 1; i < _operands.Length; i++)
        {
            double other = _operands[i].SignedDistance(point);
            value = Operation switch
            {
                CompositeOperation.Union => Math.Min(value, other),
                CompositeOperation.Difference => Math.Max(value, -other),
                _ => Math.Max(value, other),
            };
        }

        return value;
    }

    private Box BuildBounds()
    {
        if (_operands.Any(o => o.Dimension != Dimension))
        {
            throw Invalid("the operands have different dimensions");
        }

        Box first = _operands[0].Bounds;
        if (Operation == CompositeOperation.Difference)
        {
            return first;
        }

        double[] low = [.. first.Low];
        double[] high = [.. first.High];
        foreach (Shape operand in _operands.Skip(1))
        {
            Box b = operand.Bounds;
            for (int k = 0; k < low.Length; k++)
            {
                bool union = Operation == CompositeOperation.Union;
                low[k] = union ? Math.Min(low[k], b.Low[k]) : Math.Max(low[k], b.Low[k]);
                high[k] = union ? Math.Max(high[k], b.High[k]) : Math.Min(high[k], b.High[k]);
            }
        }

        for (int k = 0; k < low.Length; k++)
        {
            if (!(low[k] < high[k]))
            {
                throw Invalid("the operands' bounding boxes do not overlap, so the intersection is empty");
            }
        }

        return new Box(low, high);
    }

    private double EstimateMeasure()
    {
        Box bounds = Bounds;
        int d = Dimension;
        Sampling.PointSet points = Sampling.Collocation.Interior(bounds, MeasureSamples, Sampling.SamplingMethod.Sobol, 0);
        var point = new double[d];
        int inside = 0;
        for (int p = 0; p < points.Count; p++)
        {
            for (int k = 0; k < d; k++)
            {
                point[k] = points.Coordinates[(k * points.Count) + p];
            }

            if (Contains(point))
            {
                inside++;
            }
        }

        double volume = 1;
        for (int k = 0; k < d; k++)
        {
            volume *= bounds.High[k] - bounds.Low[k];
        }

        return volume * inside / points.Count;
    }

    private BoundaryPiece[] BuildPieces()
    {
        var pieces = new List<BoundaryPiece>();
        for (int i = 0; i < _operands.Length; i++)
        {
            bool flip = Operation == CompositeOperation.Difference && i > 0;
            foreach (BoundaryPiece piece in _operands[i].Pieces)
            {
                Shape[] lineage = piece.IsClipped ? [.. piece.Lineage, piece.Owner] : [.. piece.Lineage];
                pieces.Add(new BoundaryPiece(piece.Source, piece.Surface, piece.NormalFlipped ^ flip, this, pieces.Count, lineage));
            }
        }

        return [.. pieces];
    }
}
