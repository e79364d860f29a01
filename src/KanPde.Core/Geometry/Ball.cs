namespace KanPde.Core.Geometry;

/// <summary>
/// The closed ball ‖x − center‖ ≤ radius in any dimension (an interval in 1-D, a disk in 2-D). Its
/// boundary is a single <see cref="SphereSurface"/> piece.
/// </summary>
public sealed class Ball : Shape
{
    private readonly double[] _center;
    private readonly BoundaryPiece[] _pieces;

    /// <summary>A ball; the radius is checked by <see cref="ShapeValidation"/>, not here.</summary>
    public Ball(IReadOnlyList<double> center, double radius, string? name = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(center);
        if (center.Count == 0)
        {
            throw new ArgumentException("The center needs at least one coordinate.", nameof(center));
        }

        _center = [.. center];
        Radius = radius;
        _pieces = [new BoundaryPiece(this, new SphereSurface(_center, radius), false, this, 0)];
    }

    /// <summary>The center.</summary>
    public IReadOnlyList<double> Center => _center;

    /// <summary>The radius (valid when positive and finite).</summary>
    public double Radius { get; }

    /// <inheritdoc />
    public override int Dimension => _center.Length;

    /// <inheritdoc />
    public override string Kind => "ball";

    /// <inheritdoc />
    public override Box Bounds
    {
        get
        {
            if (!(Radius > 0) || !double.IsFinite(Radius) || _center.Any(c => !double.IsFinite(c)))
            {
                throw Invalid("the radius must be positive and the center and radius finite");
            }

            return new Box([.. _center.Select(c => c - Radius)], [.. _center.Select(c => c + Radius)]);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<BoundaryPiece> Pieces => _pieces;

    /// <summary>π^(d/2) / Γ(d/2 + 1) · r^d (2r in 1-D, πr² in 2-D, 4πr³/3 in 3-D).</summary>
    public override double Measure => Dimension switch
    {
        1 => 2 * Radius,
        2 => Math.PI * Radius * Radius,
        3 => 4.0 / 3.0 * Math.PI * Radius * Radius * Radius,
        _ => Math.Pow(Math.PI, 0.5 * Dimension) / MathNet.Numerics.SpecialFunctions.Gamma((0.5 * Dimension) + 1) * Math.Pow(Radius, Dimension),
    };

    private protected override double SignedDistanceCore(ReadOnlySpan<double> point)
    {
        double sum = 0;
        for (int k = 0; k < point.Length; k++)
        {
            double t = point[k] - _center[k];
            sum += t * t;
        }

        return Math.Sqrt(sum) - Radius;
    }
}
