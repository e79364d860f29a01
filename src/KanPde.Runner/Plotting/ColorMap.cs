namespace KanPde.Runner.Plotting;

/// <summary>
/// A continuous colour map: equally spaced control colours joined by linear interpolation in sRGB.
/// <see cref="At"/>(0) is the bottom of a colour bar, <see cref="At"/>(1) its top.
/// </summary>
public sealed class ColorMap
{
    private readonly Rgb[] _stops;

    /// <summary>A map through <paramref name="stops"/> (at least two), equally spaced on [0, 1].</summary>
    public ColorMap(string name, IReadOnlyList<Rgb> stops)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(stops);
        ArgumentOutOfRangeException.ThrowIfLessThan(stops.Count, 2, nameof(stops));
        Name = name;
        _stops = [.. stops];
    }

    /// <summary>Name of the map, e.g. "viridis".</summary>
    public string Name { get; }

    /// <summary>
    /// Viridis (van der Walt and Smith, matplotlib 1.5): perceptually uniform, readable in grey scale and
    /// by colour-blind readers. Nine control colours at t = 0, 1/8, …, 1, taken from the published map.
    /// </summary>
    public static ColorMap Viridis { get; } = new("viridis",
    [
        new(0x44, 0x01, 0x54), new(0x47, 0x2D, 0x7B), new(0x3B, 0x52, 0x8B), new(0x2C, 0x72, 0x8E),
        new(0x21, 0x91, 0x8C), new(0x28, 0xAE, 0x80), new(0x5E, 0xC9, 0x62), new(0xAD, 0xDC, 0x30),
        new(0xFD, 0xE7, 0x25),
    ]);

    /// <summary>The colour at <paramref name="t"/>, clamped to [0, 1]; NaN gives the bottom colour.</summary>
    public Rgb At(double t)
    {
        if (!(t > 0))
        {
            return _stops[0];
        }

        if (t >= 1)
        {
            return _stops[^1];
        }

        double s = t * (_stops.Length - 1);
        int k = (int)s;
        return Rgb.Lerp(_stops[k], _stops[k + 1], s - k);
    }
}
