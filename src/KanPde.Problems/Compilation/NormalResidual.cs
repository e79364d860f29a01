using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Problems.Compilation;

/// <summary>
/// A condition's residual that reads the outward normal (<c>u_n</c>), bound to the normals at its points: it is prepared
/// on the points with the d normal components appended as d more coordinates, which is where the compiled expression
/// reads them (<see cref="BoundaryPlaces.WithNormals"/>).
/// </summary>
public sealed class NormalResidual : IResidual
{
    private readonly IResidual _inner;
    private readonly double[] _normals;

    /// <summary>Binds <paramref name="inner"/> to <paramref name="normals"/>, coordinate-major like the points it will be prepared on.</summary>
    public NormalResidual(IResidual inner, double[] normals)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _normals = normals ?? throw new ArgumentNullException(nameof(normals));
    }

    /// <inheritdoc/>
    public IReadOnlyList<DerivativeTerm> Terms => _inner.Terms;

    /// <inheritdoc/>
    public IResidualEvaluator Prepare(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (_normals.Length != points.Dimension * points.Count)
        {
            throw new ArgumentException($"{_normals.Length} normal components do not fit {points.Count} points in {points.Dimension} dimensions.", nameof(points));
        }

        return _inner.Prepare(BoundaryPlaces.WithNormals(points, _normals));
    }
}
