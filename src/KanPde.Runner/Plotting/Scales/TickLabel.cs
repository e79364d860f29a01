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
    /// A label for a tick of a linear axis with spacing <paramref name="step"/> whose largest tick has
    /// magnitude <paramref name="largest"/>: fixed-point with as many decimals as the step needs, or, for
    /// every tick of an axis with very large (≥ 10⁶) or very finely spaced (&lt; 10⁻⁴) ticks, m×10ᵉ.
    /// </summary>
    public static TickLabel ForLinear(double value, double step, double largest)
    {
        if (Math.Abs(value) < step * 1e-9)
        {
            return new TickLabel("0");
        }

        CultureInfo inv = CultureInfo.InvariantCulture;
        if (largest < 1e6 && step >= 1e-4)
        {
            int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
            return new TickLabel(Signed(value.ToString("F" + decimals.ToString(inv), inv)));
        }

        int e = (int)Math.Floor(Math.Log10(Math.Abs(value)) + 1e-9);
        double mantissa = Math.Round(value / Ticks.PowerOfTen(e), 3);
        return new TickLabel(Signed(mantissa.ToString("0.###", inv)) + "×10", Signed(e.ToString(inv)));
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
