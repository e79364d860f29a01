namespace KanPde.Runner.Plotting.Scales;

/// <summary>Maps data values on a domain to fractions of an axis: Domain.Min → 0, Domain.Max → 1.</summary>
public interface IScale
{
    /// <summary>The data values at the two ends of the axis.</summary>
    Interval Domain { get; }

    /// <summary>Whether <paramref name="value"/> can be placed at all (finite; positive on a log scale).</summary>
    bool CanShow(double value);

    /// <summary>The position of <paramref name="value"/> as a fraction of the axis (outside [0, 1] beyond the ends).</summary>
    double Fraction(double value);

    /// <summary>The scale for an axis of the given kind over <paramref name="domain"/>.</summary>
    static IScale For(Plotting.AxisScale kind, Interval domain) =>
        kind == Plotting.AxisScale.Log ? new LogScale(domain) : new LinearScale(domain);
}

/// <summary>Fraction = (v − min) / (max − min).</summary>
public sealed class LinearScale : IScale
{
    /// <summary>A linear scale; the domain must be finite with Min &lt; Max.</summary>
    public LinearScale(Interval domain)
    {
        if (!(domain.Max > domain.Min) || !double.IsFinite(domain.Span))
        {
            throw new ArgumentException("The domain must be finite with Min < Max.", nameof(domain));
        }

        Domain = domain;
    }

    /// <inheritdoc/>
    public Interval Domain { get; }

    /// <inheritdoc/>
    public bool CanShow(double value) => double.IsFinite(value);

    /// <inheritdoc/>
    public double Fraction(double value) => (value - Domain.Min) / Domain.Span;
}

/// <summary>Fraction = log(v / min) / log(max / min).</summary>
public sealed class LogScale : IScale
{
    private readonly double _logMin;
    private readonly double _logSpan;

    /// <summary>A logarithmic scale; the domain must be positive and finite with Min &lt; Max.</summary>
    public LogScale(Interval domain)
    {
        if (!(domain.Min > 0) || !(domain.Max > domain.Min) || !double.IsFinite(domain.Max))
        {
            throw new ArgumentException("The domain must be positive and finite with Min < Max.", nameof(domain));
        }

        Domain = domain;
        _logMin = Math.Log10(domain.Min);
        _logSpan = Math.Log10(domain.Max) - _logMin;
    }

    /// <inheritdoc/>
    public Interval Domain { get; }

    /// <inheritdoc/>
    public bool CanShow(double value) => value > 0 && double.IsFinite(value);

    /// <inheritdoc/>
    public double Fraction(double value) => (Math.Log10(value) - _logMin) / _logSpan;
}
