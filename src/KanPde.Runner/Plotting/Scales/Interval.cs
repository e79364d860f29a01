namespace KanPde.Runner.Plotting.Scales;

/// <summary>A closed interval [Min, Max] of data values.</summary>
public readonly record struct Interval(double Min, double Max)
{
    /// <summary>Max − Min.</summary>
    public double Span => Max - Min;

    /// <summary>
    /// The smallest interval holding every value of <paramref name="values"/> accepted by
    /// <paramref name="accept"/>, or null when none is.
    /// </summary>
    public static Interval? Enclosing(IEnumerable<double> values, Func<double, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(accept);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (accept(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min <= max ? new Interval(min, max) : null;
    }
}
