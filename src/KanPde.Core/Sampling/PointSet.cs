namespace KanPde.Core.Sampling;

/// <summary>
/// An immutable set of points in d dimensions, stored by coordinate (structure of arrays):
/// coordinate k of point p is <c>Coordinates[k * Count + p]</c>.
/// </summary>
public sealed class PointSet
{
    private readonly double[] _coordinates;

    /// <summary>Takes ownership of <paramref name="coordinates"/> (length dimension × count).</summary>
    public PointSet(int dimension, double[] coordinates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(coordinates);
        if (coordinates.Length % dimension != 0)
        {
            throw new ArgumentException("Length must be a multiple of the dimension.", nameof(coordinates));
        }

        Dimension = dimension;
        Count = coordinates.Length / dimension;
        _coordinates = coordinates;
    }

    /// <summary>Number of coordinates of each point.</summary>
    public int Dimension { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>All coordinates, coordinate-major: [k * Count + p].</summary>
    public ReadOnlySpan<double> Coordinates => _coordinates;

    /// <summary>Coordinate <paramref name="k"/> of every point.</summary>
    public ReadOnlySpan<double> Coordinate(int k) => _coordinates.AsSpan(k * Count, Count);

    /// <summary>Builds a point set from per-point rows (convenient for tests and small sets).</summary>
    public static PointSet FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one point is needed.", nameof(rows));
        }

        int d = rows[0].Length;
        var data = new double[d * rows.Count];
        for (int p = 0; p < rows.Count; p++)
        {
            if (rows[p].Length != d)
            {
                throw new ArgumentException("All points must have the same dimension.", nameof(rows));
            }

            for (int k = 0; k < d; k++)
            {
                data[k * rows.Count + p] = rows[p][k];
            }
        }

        return new PointSet(d, data);
    }
}
