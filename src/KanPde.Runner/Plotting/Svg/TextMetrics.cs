using KanPde.Runner.Plotting.Scales;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Estimates how wide text will be in a Helvetica-like sans-serif face, from rough per-character
/// advance widths (in em). Used only for layout: margins, tick thinning, legend boxes. Errs on the
/// wide side so that labels do not collide.
/// </summary>
internal static class TextMetrics
{
    /// <summary>Superscripts are set at this fraction of the font size.</summary>
    public const double ExponentScale = 0.72;

    /// <summary>Approximate width of <paramref name="text"/> at <paramref name="fontSize"/> pixels.</summary>
    public static double Width(string? text, double fontSize)
    {
        double em = 0;
        foreach (char c in text ?? "")
        {
            em += Advance(c);
        }

        return em * fontSize;
    }

    /// <summary>Approximate width of a tick label, its superscript included.</summary>
    public static double Width(TickLabel label, double fontSize) =>
        Width(label.Text, fontSize) + Width(label.Exponent, fontSize * ExponentScale);

    private static double Advance(char c) => c switch
    {
        >= '0' and <= '9' => 0.56,
        ' ' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' => 0.28,
        'i' or 'j' or 'l' => 0.23,
        'f' or 't' or 'I' => 0.3,
        'r' or '(' or ')' or '[' or ']' or '-' => 0.34,
        'm' or 'M' => 0.84,
        'w' or 'W' => 0.8,
        '\u2212' or '\u00D7' or '=' or '+' or '<' or '>' => 0.6,
        >= 'A' and <= 'Z' => 0.68,
        >= 'a' and <= 'z' => 0.56,
        _ => 0.62,
    };
}
