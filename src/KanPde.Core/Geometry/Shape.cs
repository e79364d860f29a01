namespace KanPde.Core.Geometry;

/// <summary>
/// A closed region of R^d: the domain of a problem when it is not a plain box. Shapes are immutable;
/// the constructors only check the structure of their arguments (nulls, lengths), and the geometry
/// (positive radius, simple polygon, non-empty difference, …) is checked by
/// <see cref="ShapeValidation.Validate(Shape, Box?)"/>, which returns messages instead of throwing.
/// <see cref="Bounds"/>, <see cref="Pieces"/> and sampling assume a shape without validation errors and
/// throw <see cref="InvalidOperationException"/> where the geometry makes them meaningless.
/// </summary>
public abstract class Shape
{
    /// <summary>Relative tolerance of <see cref="Contains"/>: <see cref="Tolerance"/> = this × the diameter of <see cref="Bounds"/>.</summary>
    public const double RelativeTolerance = 1e-10;

    private double _scale = -1;

    private protected Shape(string? name)
    {
        Name = name;
    }

    /// <summary>Optional name (for example "hole"), carried by the boundary pieces so a caller can select them.</summary>
    public string? Name { get; }

    /// <summary>Number of dimensions of the space the shape lives in.</summary>
    public abstract int Dimension { get; }

    /// <summary>Lower-case kind for messages: "box", "ball", "polygon", "union", "difference" or "intersection".</summary>
    public abstract string Kind { get; }

    /// <summary>An axis-aligned box containing the shape (tight for boxes, balls and polygons).</summary>
    public abstract Box Bounds { get; }

    /// <summary>
    /// The pieces of the shape's boundary, in a fixed order (documented by each shape). For composites the
    /// pieces are those of the operands, clipped to the part that lies on the composite's boundary.
    /// </summary>
    public abstract IReadOnlyList<BoundaryPiece> Pieces { get; }

    /// <summary>
    /// Length / area / volume of the shape: exact for boxes, balls and polygons; for composites estimated as
    /// the measure of <see cref="Bounds"/> times the fraction of the first <see cref="CompositeShape.MeasureSamples"/>
    /// Sobol points of the bounds (seed 0) that <see cref="Contains"/> accepts. Deterministic.
    /// </summary>
    public abstract double Measure { get; }

    /// <summary>Absolute tolerance of <see cref="Contains"/>: <see cref="RelativeTolerance"/> × the diameter of <see cref="Bounds"/>.</summary>
    public double Tolerance => RelativeTolerance * Scale;

    /// <summary>The diameter of <see cref="Bounds"/> (length of its diagonal).</summary>
    public double Scale
    {
        get
        {
            if (_scale < 0)
            {
                Box b = Bounds;
                double sum = 0;
                for (int k = 0; k < b.Dimension; k++)
                {
                    double w = b.High[k] - b.Low[k];
                    sum += w * w;
                }

                _scale = Math.Sqrt(sum);
            }

            return _scale;
        }
    }

    /// <summary>
    /// Negative inside, positive outside, zero on the boundary. Exact Euclidean distance for boxes, balls
    /// and polygons; for composites the usual min / max combination of the operands' values, whose sign
    /// is exact and whose magnitude is an approximation of the distance near the operands' intersections.
    /// </summary>
    public double SignedDistance(ReadOnlySpan<double> point)
    {
        if (point.Length != Dimension)
        {
            throw new ArgumentException($"Expected a point of {Dimension} coordinates, got {point.Length}.", nameof(point));
        }

        return SignedDistanceCore(point);
    }

    /// <summary>Whether the point lies in the closed shape: <see cref="SignedDistance"/> ≤ <see cref="Tolerance"/>.</summary>
    public bool Contains(ReadOnlySpan<double> point) => SignedDistance(point) <= Tolerance;

    /// <summary>
    /// The pieces (of <see cref="Pieces"/>, in order) that come from a shape named <paramref name="name"/>
    /// (<see cref="BoundaryPiece.ComesFrom(string)"/>): all the edges of the polygon "hole", both disks of a
    /// union "holes" subtracted from a box, or every piece when this shape has that name. Empty if none.
    /// </summary>
    public IReadOnlyList<BoundaryPiece> PiecesFrom(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return [.. Pieces.Where(p => p.ComesFrom(name))];
    }

    /// <summary>The pieces (of <see cref="Pieces"/>, in order) that come from <paramref name="shape"/>, one of the shapes this one is built from, at any depth, or this shape itself (<see cref="BoundaryPiece.ComesFrom(Shape)"/>).</summary>
    public IReadOnlyList<BoundaryPiece> PiecesFrom(Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return [.. Pieces.Where(p => p.ComesFrom(shape))];
    }

    /// <summary>"kind 'name'", or the kind alone when the shape has no name, for messages.</summary>
    public string Describe() => Name is null ? Kind : $"{Kind} '{Name}'";

    /// <inheritdoc />
    public override string ToString() => Describe();

    private protected abstract double SignedDistanceCore(ReadOnlySpan<double> point);

    private protected InvalidOperationException Invalid(string what) =>
        new($"{Describe()}: {what}; check the shape with ShapeValidation.Validate first.");
}
