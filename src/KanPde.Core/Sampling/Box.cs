namespace KanPde.Core.Sampling;

/// <summary>An axis-aligned box [low_k, high_k] in d dimensions, with low_k &lt; high_k.</summary>
public sealed class Box
{
    private readonly double[] _low;
    private readonly double[] _high;

    /// <summary>Creates the box; both arrays are copied.</summary>
    public Box(IReadOnlyList<double> low, IReadOnlyList<double> high)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        if (low.Count == 0 || low.Count != high.Count)
        {
            throw new ArgumentException("Low and high must have the same, non-zero length.", nameof(high));
        }

        _low = [.. low];
        _high = [.. high];
        for (int k = 0; k < _low.Length; k++)
        {
            if (!double.IsFinite(_low[k]) || !double.IsFinite(_high[k]) || !(_low[k] < _high[k]))
            {
                throw new ArgumentException($"Axis {k} needs finite bounds with low < high.", nameof(high));
            }
        }
    }

    /// <summary>Number of axes.</summary>
    public int Dimension => _low.Length;

    /// <summary>Lower bound of axis <paramref name="k"/>.</summary>
    public double Low(int k) => _low[k];

    /// <summary>Upper bound of axis <paramref name="k"/>.</summary>
    public double High(int k) => _high[k];
}
