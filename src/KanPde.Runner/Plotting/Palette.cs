namespace KanPde.Runner.Plotting;

/// <summary>
/// Default series colours: the Okabe–Ito palette, chosen to stay distinguishable for the common forms
/// of colour blindness (yellow is left out: it is unreadable on white).
/// </summary>
public static class Palette
{
    /// <summary>Blue.</summary>
    public static Rgb Blue { get; } = new(0x00, 0x72, 0xB2);

    /// <summary>Vermillion.</summary>
    public static Rgb Vermillion { get; } = new(0xD5, 0x5E, 0x00);

    /// <summary>Bluish green.</summary>
    public static Rgb Green { get; } = new(0x00, 0x9E, 0x73);

    /// <summary>Reddish purple.</summary>
    public static Rgb Purple { get; } = new(0xCC, 0x79, 0xA7);

    /// <summary>Orange.</summary>
    public static Rgb Orange { get; } = new(0xE6, 0x9F, 0x00);

    /// <summary>Sky blue.</summary>
    public static Rgb SkyBlue { get; } = new(0x56, 0xB4, 0xE9);

    /// <summary>Neutral grey for guides and reference lines.</summary>
    public static Rgb Grey { get; } = new(0x70, 0x70, 0x70);

    /// <summary>Near-black, for text and axes.</summary>
    public static Rgb Ink { get; } = new(0x22, 0x22, 0x22);

    private static readonly Rgb[] Cycle = [Blue, Vermillion, Green, Purple, Orange, SkyBlue];

    /// <summary>The colour of series number <paramref name="index"/> when the series names none.</summary>
    public static Rgb ForIndex(int index) => Cycle[(int)((uint)index % (uint)Cycle.Length)];
}
