using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace KanPde.Core.Geometry;

/// <summary>What kind of surface a <see cref="BoundaryPiece"/> lies on.</summary>
public enum PieceKind
{
    /// <summary>A face of a box (<see cref="BoxFace"/>).</summary>
    BoxFace,

    /// <summary>The sphere bounding a ball (<see cref="SphereSurface"/>).</summary>
    Sphere,

    /// <summary>An edge of a polygon (<see cref="PolygonEdge"/>).</summary>
    PolygonEdge,
}

/// <summary>
/// The whole (unclipped) surface a boundary piece lies on, parametrised by the unit cube
/// [0, 1)^<see cref="ParameterDimension"/> so that uniform parameters give points uniform by length / area.
/// </summary>
public abstract class PieceSurface
{
    private protected PieceSurface()
    {
    }

    /// <summary>Dimension of the space the surface lives in.</summary>
    public abstract int Dimension { get; }

    /// <summary>The kind of surface.</summary>
    public abstract PieceKind Kind { get; }

    /// <summary>Number of unit parameters <see cref="Map"/> reads (at least 1).</summary>
    public abstract int ParameterDimension { get; }

    /// <summary>The length / area of the whole surface (in 1-D, where faces are points, the number of points).</summary>
    public abstract double Measure { get; }

    /// <summary>Euclidean distance from <paramref name="point"/> to the surface.</summary>
    public abstract double Distance(ReadOnlySpan<double> point);

    /// <summary>
    /// The point of parameters <paramref name="unit"/> ∈ [0, 1)^<see cref="ParameterDimension"/> and the
    /// unit normal there pointing out of the shape the surface bounds.
    /// </summary>
    public abstract void Map(ReadOnlySpan<double> unit, Span<double> point, Span<double> normal);
}

/// <summary>
/// The face of <see cref="Box"/> where axis <see cref="Axis"/> is at its low or (<see cref="High"/>) high bound.
/// Parameters: the other axes in order, scaled to the box as <see cref="Sampling.Collocation.Face"/> does.
/// </summary>
public sealed class BoxFace : PieceSurface
{
    internal BoxFace(Box box, int axis, bool high)
    {
        Box = box;
        Axis = axis;
        High = high;
    }

    /// <summary>The box the face belongs to.</summary>
    public Box Box { get; }

    /// <summary>The axis held fixed on the face.</summary>
    public int Axis { get; }

    /// <summary>Whether the face is at the high bound of <see cref="Axis"/> (outward normal +e_axis) rather than the low one (−e_axis).</summary>
    public bool High { get; }

    /// <summary>The value of axis <see cref="Axis"/> on the face.</summary>
    public double Value => High ? Box.High[Axis] : Box.Low[Axis];

    /// <inheritdoc />
    public override int Dimension => Box.Dimension;

    /// <inheritdoc />
    public override PieceKind Kind => PieceKind.BoxFace;

    /// <inheritdoc />
    public override int ParameterDimension => Math.Max(1, Box.Dimension - 1);

    /// <inheritdoc />
    public override double Measure
    {
        get
        {
            double measure = 1;
            for (int k = 0; k < Box.Dimension; k++)
            {
                measure *= k == Axis ? 1 : Box.High[k] - Box.Low[k];
            }

            return measure;
        }
    }

    /// <inheritdoc />
    public override double Distance(ReadOnlySpan<double> point)
    {
        double sum = 0;
        for (int k = 0; k < Box.Dimension; k++)
        {
            double excess = k == Axis ? point[k] - Value : Math.Max(0, Math.Max(Box.Low[k] - point[k], point[k] - Box.High[k]));
            sum += excess * excess;
        }

        return Math.Sqrt(sum);
    }

    /// <inheritdoc />
    public override void Map(ReadOnlySpan<double> unit, Span<double> point, Span<double> normal)
    {
        int source = 0;
        for (int k = 0; k < Box.Dimension; k++)
        {
            normal[k] = 0;
            if (k == Axis)
            {
                point[k] = Value;
                continue;
            }

            double u = unit[source++];
            point[k] = u == 1.0 ? Box.High[k] : Box.Low[k] + ((Box.High[k] - Box.Low[k]) * u);
        }

        normal[Axis] = High ? 1 : -1;
    }
}

/// <summary>
/// The sphere ‖x − center‖ = radius bounding a <see cref="Ball"/>. Parameters: in 1-D one (below ½ the low
/// end, else the high end); in 2-D the angle 2πu; in 3-D z = 1 − 2u₀ and the angle 2πu₁ (Archimedes'
/// equal-area map); in d ≥ 4 d parameters mapped to standard normals by the inverse normal CDF and
/// normalised (uniform by area for independent uniform parameters).
/// </summary>
public sealed class SphereSurface : PieceSurface
{
    private readonly double[] _center;

    internal SphereSurface(double[] center, double radius)
    {
        _center = center;
        Radius = radius;
    }

    /// <summary>The center.</summary>
    public IReadOnlyList<double> Center => _center;

    /// <summary>The radius.</summary>
    public double Radius { get; }

    /// <inheritdoc />
    public override int Dimension => _center.Length;

    /// <inheritdoc />
    public override PieceKind Kind => PieceKind.Sphere;

    /// <inheritdoc />
    public override int ParameterDimension => Dimension switch
    {
        1 or 2 => 1,
        3 => 2,
        _ => Dimension,
    };

    /// <summary>2π^(d/2) / Γ(d/2) · r^(d−1) (2 in 1-D, 2πr in 2-D, 4πr² in 3-D).</summary>
    public override double Measure => Dimension switch
    {
        1 => 2,
        2 => 2 * Math.PI * Radius,
        3 => 4 * Math.PI * Radius * Radius,
        _ => 2 * Math.Pow(Math.PI, 0.5 * Dimension) / SpecialFunctions.Gamma(0.5 * Dimension) * Math.Pow(Radius, Dimension - 1),
    };

    /// <inheritdoc />
    public override double Distance(ReadOnlySpan<double> point)
    {
        double sum = 0;
        for (int k = 0; k < _center.Length; k++)
        {
            double t = point[k] - _center[k];
            sum += t * t;
        }

        return Math.Abs(Math.Sqrt(sum) - Radius);
    }

    /// <inheritdoc />
    public override void Map(ReadOnlySpan<double> unit, Span<double> point, Span<double> normal)
    {
        int d = _center.Length;
        switch (d)
        {
            case 1:
                normal[0] = unit[0] < 0.5 ? -1 : 1;
                break;
            case 2:
                double theta = 2 * Math.PI * unit[0];
                normal[0] = Math.Cos(theta);
                normal[1] = Math.Sin(theta);
                break;
            case 3:
                double z = 1 - (2 * unit[0]);
                double s = Math.Sqrt(Math.Max(0, 1 - (z * z)));
                double phi = 2 * Math.PI * unit[1];
                normal[0] = s * Math.Cos(phi);
                normal[1] = s * Math.Sin(phi);
                normal[2] = z;
                break;
            default:
                for (int k = 0; k < d; k++)
                {
                    double u = Math.Clamp(unit[k], 1.1102230246251565e-16, 1 - 1.1102230246251565e-16);
                    normal[k] = Normal.InvCDF(0, 1, u);
                }

                break;
        }

        double norm = 0;
        for (int k = 0; k < d; k++)
        {
            norm += normal[k] * normal[k];
        }

        norm = Math.Sqrt(norm);
        if (!(norm > 0))
        {
            normal.Clear();
            normal[0] = 1;
            norm = 1;
        }

        for (int k = 0; k < d; k++)
        {
            normal[k] /= norm;
            point[k] = _center[k] + (Radius * normal[k]);
        }
    }
}

/// <summary>
/// Edge <see cref="Index"/> of a polygon, the segment from <see cref="Start"/> to <see cref="End"/>.
/// Parameter: the fraction of the way from start to end.
/// </summary>
public sealed class PolygonEdge : PieceSurface
{
    private readonly double _nx;
    private readonly double _ny;

    internal PolygonEdge(int index, (double X, double Y) start, (double X, double Y) end, bool counterClockwise)
    {
        Index = index;
        Start = start;
        End = end;
        double dx = end.X - start.X;
        double dy = end.Y - start.Y;
        double length = Math.Sqrt((dx * dx) + (dy * dy));
        double sign = counterClockwise ? 1 : -1;
        _nx = length > 0 ? sign * dy / length : 0;
        _ny = length > 0 ? -sign * dx / length : 0;
    }

    /// <summary>Index of the edge: it runs from vertex Index to vertex Index + 1 (mod n).</summary>
    public int Index { get; }

    /// <summary>The first end.</summary>
    public (double X, double Y) Start { get; }

    /// <summary>The second end.</summary>
    public (double X, double Y) End { get; }

    /// <summary>The outward unit normal (the same along the edge).</summary>
    public (double X, double Y) OutwardNormal => (_nx, _ny);

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override PieceKind Kind => PieceKind.PolygonEdge;

    /// <inheritdoc />
    public override int ParameterDimension => 1;

    /// <summary>The length of the edge.</summary>
    public override double Measure => Math.Sqrt(((End.X - Start.X) * (End.X - Start.X)) + ((End.Y - Start.Y) * (End.Y - Start.Y)));

    /// <inheritdoc />
    public override double Distance(ReadOnlySpan<double> point) => SegmentDistance(point[0], point[1], Start.X, Start.Y, End.X, End.Y);

    /// <inheritdoc />
    public override void Map(ReadOnlySpan<double> unit, Span<double> point, Span<double> normal)
    {
        double t = unit[0];
        point[0] = Start.X + (t * (End.X - Start.X));
        point[1] = Start.Y + (t * (End.Y - Start.Y));
        normal[0] = _nx;
        normal[1] = _ny;
    }

    /// <summary>Distance from (px, py) to the segment from (ax, ay) to (bx, by).</summary>
    internal static double SegmentDistance(double px, double py, double ax, double ay, double bx, double by) =>
        Math.Sqrt(SegmentDistanceSquared(px, py, ax, ay, bx, by));

    /// <summary>Squared distance from (px, py) to the segment from (ax, ay) to (bx, by).</summary>
    internal static double SegmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = (dx * dx) + (dy * dy);
        double t = lengthSquared > 0 ? Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / lengthSquared, 0, 1) : 0;
        double ex = px - (ax + (t * dx));
        double ey = py - (ay + (t * dy));
        return (ex * ex) + (ey * ey);
    }
}
