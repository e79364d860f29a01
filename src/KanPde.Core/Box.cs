namespace KanPde.Core;

/// <summary>
/// An axis-aligned box [low_k, high_k] in d dimensions: the domain of a problem. Networks map it
/// affinely onto [−1, 1]^d before their first layer (x̂_k = (x_k − center_k) / halfWidth_k), so their
/// initialisation does not depend on the units of the variables.
/// </summary>
public sealed record Box
{
    private readonly double[] _low;
    private readonly double[] _high;

    /// <summary>Validates that every low &lt; high and both are finite.</summary>
    public Box(IReadOnlyList<double> low, IReadOnlyList<double> high)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        if (low.Count != high.Count || low.Count == 0)
        {
            throw new ArgumentException("Low and high need the same, non-zero, length.", nameof(high));
        }

        for (int k = 0; k < low.Count; k++)
        {
            if (!(low[k] < high[k]) || !double.IsFinite(low[k]) || !double.IsFinite(high[k]))
            {
                throw new ArgumentException($"Dimension {k}: need finite low < high, got [{low[k]}, {high[k]}].", nameof(high));
            }
        }

        _low = low.ToArray();
        _high = high.ToArray();
    }

    /// <summary>Number of dimensions.</summary>
    public int Dimension => _low.Length;

    /// <summary>Lower bounds.</summary>
    public IReadOnlyList<double> Low => _low;

    /// <summary>Upper bounds.</summary>
    public IReadOnlyList<double> High => _high;

    /// <summary>The midpoint of dimension k.</summary>
    public double Center(int k) => 0.5 * (_low[k] + _high[k]);

    /// <summary>Half the width of dimension k.</summary>
    public double HalfWidth(int k) => 0.5 * (_high[k] - _low[k]);

    /// <summary>The box [−1, 1]^d.</summary>
    public static Box Symmetric(int dimension) =>
        new(Enumerable.Repeat(-1.0, dimension).ToArray(), Enumerable.Repeat(1.0, dimension).ToArray());

    /// <inheritdoc />
    public bool Equals(Box? other) =>
        other is not null && _low.AsSpan().SequenceEqual(other._low) && _high.AsSpan().SequenceEqual(other._high);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_low.Length, _low[0], _high[0]);
}
