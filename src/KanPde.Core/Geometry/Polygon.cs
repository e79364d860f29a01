namespace KanPde.Core.Geometry;

/// <summary>
/// A simple polygon in 2-D given by its vertices in order, clockwise or counter-clockwise (the closing edge
/// from the last vertex back to the first is implied). Its boundary pieces are its edges, piece i being the
/// <see cref="PolygonEdge"/> from vertex i to vertex i + 1 (mod n), with normals pointing outward whatever the
/// orientation; <see cref="Shape.PiecesFrom(Shape)"/> gives them all. The vertices are checked by
/// <see cref="ShapeValidation"/> (at least 3, no repeated vertex, not self-intersecting, non-zero area).
/// </summary>
public sealed class Polygon : Shape
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly Lazy<BoundaryPiece[]> _pieces;

    /// <summary>A polygon through <paramref name="vertices"/> in order.</summary>
    public Polygon(IReadOnlyList<(double X, double Y)> vertices, string? name = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        _x = [.. vertices.Select(v => v.X)];
        _y = [.. vertices.Select(v => v.Y)];
        Vertices = [.. vertices];
        double area = 0;
        for (int i = 0; i < _x.Length; i++)
        {
            int j = (i + 1) % _x.Length;
            area += (_x[i] * _y[j]) - (_x[j] * _y[i]);
        }

        SignedArea = 0.5 * area;
        _pieces = new Lazy<BoundaryPiece[]>(BuildPieces);
    }

    /// <summary>The vertices in the order given.</summary>
    public IReadOnlyList<(double X, double Y)> Vertices { get; }

    /// <summary>The shoelace area: positive when the vertices run counter-clockwise, negative when clockwise.</summary>
    public double SignedArea { get; }

    /// <summary>Whether the vertices run counter-clockwise (positive <see cref="SignedArea"/>).</summary>
    public bool IsCounterClockwise => SignedArea > 0;

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override string Kind => "polygon";

    /// <inheritdoc />
    public override Box Bounds
    {
        get
        {
            if (_x.Length < 3 || !(_x.Max() > _x.Min()) || !(_y.Max() > _y.Min()))
            {
                throw Invalid("the polygon needs at least 3 vertices spanning a non-zero area");
            }

            return new Box([_x.Min(), _y.Min()], [_x.Max(), _y.Max()]);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<BoundaryPiece> Pieces => _pieces.Value;

    /// <summary>The area, |<see cref="SignedArea"/>|.</summary>
    public override double Measure => Math.Abs(SignedArea);

    /// <summary>The edge piece from vertex <paramref name="index"/> to the next one.</summary>
    public BoundaryPiece Edge(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Vertices.Count);
        return _pieces.Value[index];
    }

    private protected override double SignedDistanceCore(ReadOnlySpan<double> point)
    {
        double px = point[0];
        double py = point[1];
        double best = double.PositiveInfinity;
        bool inside = false;
        int n = _x.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            best = Math.Min(best, PolygonEdge.SegmentDistanceSquared(px, py, _x[j], _y[j], _x[i], _y[i]));
            if ((_y[i] > py) != (_y[j] > py))
            {
                double xCross = _x[j] + ((py - _y[j]) / (_y[i] - _y[j]) * (_x[i] - _x[j]));
                if (px < xCross)
                {
                    inside = !inside;
                }
            }
        }

        best = Math.Sqrt(best);
        return inside ? -best : best;
    }

    private BoundaryPiece[] BuildPieces()
    {
        if (_x.Length < 3 || SignedArea == 0)
        {
            throw Invalid("the polygon needs at least 3 vertices and a non-zero area");
        }

        int n = _x.Length;
        var pieces = new BoundaryPiece[n];
        for (int i = 0; i < n; i++)
        {
            int j = (i + 1) % n;
            pieces[i] = new BoundaryPiece(this, new PolygonEdge(i, (_x[i], _y[i]), (_x[j], _y[j]), IsCounterClockwise), false, this, i);
        }

        return pieces;
    }
}
