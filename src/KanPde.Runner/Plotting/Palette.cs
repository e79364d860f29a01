namespace KanPde.Runner.Plotting;

/// <summary>An sRGB colour with 8 bits per channel.</summary>
public readonly record struct Rgb(byte R, byte G, byte B);

/// <summary>
/// Series colours from the Okabe–Ito palette, distinguishable for the common forms of colour blindness: KAN blue,
/// MLP vermillion, then bluish green and reddish purple; grey for guides, markers and reference curves.
/// </summary>
public static class Palette
{
    private static readonly Rgb[] Cycle = [Blue, Vermillion, new(0x00, 0x9E, 0x73), new(0xCC, 0x79, 0xA7)];

    /// <summary>Blue (the KAN).</summary>
    public static Rgb Blue => new(0x00, 0x72, 0xB2);

    /// <summary>Vermillion (the MLP).</summary>
    public static Rgb Vermillion => new(0xD5, 0x5E, 0x00);

    /// <summary>Neutral grey.</summary>
    public static Rgb Grey => new(0x80, 0x80, 0x80);

    /// <summary>The colour of series number <paramref name="index"/> when it names none.</summary>
    public static Rgb ForIndex(int index) => Cycle[(int)((uint)index % (uint)Cycle.Length)];
}
