namespace KanPde.Core.Geometry;

/// <summary>
/// An axis-aligned box as a shape. Its boundary pieces are its 2d faces, in the order
/// (axis 0, low), (axis 0, high), (axis 1, low), …; each is a <see cref="BoxFace"/> identified by its axis
/// and side, so a caller can name it "x = −1".
/// </summary>
public sealed class BoxShape : Shape
{
    private readonly BoundaryPiece[] _pieces;

    /// <summary>The box <paramref name="box"/> (a <see cref="KanPde.Core.Box"/> already has low &lt; high on every axis).</summary>
    public BoxShape(Box box, string? name = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(box);
        Box = box;
        _pieces = new BoundaryPiece[2 * box.Dimension];
        for (int axis = 0; axis < box.Dimension; axis++)
        {
            for (int side = 0; side < 2; side++)
            {
                int index = (2 * axis) + side;
                _pieces[index] = new BoundaryPiece(this, new BoxFace(box, axis, side == 1), false, this, index);
            }
        }
    }

    /// <summary>The box.</summary>
    public Box Box { get; }

    /// <inheritdoc />
    public override int Dimension => Box.Dimension;

    /// <inheritdoc />
    public override string Kind => "box";

    /// <inheritdoc />
    public override Box Bounds => Box;

    /// <inheritdoc />
    public override IReadOnlyList<BoundaryPiece> Pieces => _pieces;

    /// <inheritdoc />
    public override double Measure
    {
        get
        {
            double measure = 1;
            for (int k = 0; k < Box.Dimension; k++)
            {
                measure *= Box.High[k] - Box.Low[k];
            }

            return measure;
        }
    }

    /// <summary>The face where axis <paramref name="axis"/> is at its low (or, with <paramref name="high"/>, its high) bound.</summary>
    public BoundaryPiece Face(int axis, bool high)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(axis);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(axis, Dimension);
        return _pieces[(2 * axis) + (high ? 1 : 0)];
    }

    private protected override double SignedDistanceCore(ReadOnlySpan<double> point)
    {
        double outside = 0;
        double inside = double.NegativeInfinity;
        for (int k = 0; k < point.Length; k++)
        {
            double q = Math.Abs(point[k] - Box.Center(k)) - Box.HalfWidth(k);
            if (q > 0)
            {
                outside += q * q;
            }

            inside = Math.Max(inside, q);
        }

        return outside > 0 ? Math.Sqrt(outside) : Math.Min(inside, 0);
    }
}
