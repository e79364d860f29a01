using System.Globalization;

namespace KanPde.Runner.Plotting.Scales;

/// <summary>
/// A tick label: <see cref="Text"/> followed, when present, by <see cref="Exponent"/> set as a
/// superscript (so 10⁻⁶ is Text "10", Exponent "−6"). Minus signs are U+2212.
/// </summary>
public readonly record struct TickLabel(string Text, string? Exponent = null)
{
    private const char Minus = '\u2212';

    /// <summary>The label as plain text, e.g. "10^−6".</summary>
    public override string ToString() => Exponent is null ? Text : $"{Text}^{Exponent}";

    /// <summary>
    /// A label for a tick of a linear axis with spacing <paramref name="step"/>: fixed-point with as many
    /// decimals as the step needs, or m×10ᵉ when the numbers are very large or very small.
    /// </summary>
    public static TickLabel ForLinear(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-9)
        {
            return new TickLabel("0");
        }

        bool scientific = Math.Abs(value) >= 1e6 || step < 1e-4;
        if (!scientific)
        {
            int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
            return new TickLabel(Signed(value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)));
        }

        int e = (int)Math.Floor(Math.Log10(Math.Abs(value)) + 1e-9);
        double mantissa = Math.Round(value / Ticks.PowerOfTen(e), 3);
        string m = mantissa.ToString("0.###", CultureInfo.InvariantCulture);
        return m is "1" or "-1"
            ? new TickLabel(Signed(m == "1" ? "10" : "-10"), Signed(e.ToString(CultureInfo.InvariantCulture)))
            : new TickLabel(Signed(m) + "×10", Signed(e.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A label for 10^k on a log axis: "10" with superscript k.</summary>
    public static TickLabel ForPower(double value)
    {
        int k = (int)Math.Round(Math.Log10(value));
        return new TickLabel("10", Signed(k.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Three significant digits, for the range labels of small panels (e.g. "−0.25", "1.2e-05").</summary>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return value == 0 ? "0" : "?";
        }

        CultureInfo inv = CultureInfo.InvariantCulture;
        double a = Math.Abs(value);
        string s = a is >= 1e-3 and < 1e5
            ? double.Parse(value.ToString("G3", inv), inv).ToString("0.#####", inv)
            : value.ToString("0.##e0", inv);
        return Signed(s);
    }

    private static string Signed(string s) => s.Replace('-', Minus);
}
