using KanPde.Runner.Plotting.Scales;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>An axis ready to draw: its scale, ticks and tick labels.</summary>
internal sealed record ResolvedAxis(Axis Spec, IScale Scale, TickSet Ticks, IReadOnlyList<TickLabel> Labels)
{
    /// <summary>Widest tick label, in pixels, at <paramref name="fontSize"/>.</summary>
    public double MaxLabelWidth(double fontSize) =>
        Labels.Count == 0 ? 0 : Labels.Max(l => TextMetrics.Width(l, fontSize));

    /// <summary>Whether any label has a superscript (it needs more height).</summary>
    public bool HasExponents => Labels.Any(l => l.Exponent is not null);
}

/// <summary>
/// Chooses an axis range and ticks for the data: as many nice ticks as fit along the axis without
/// their labels touching, thinning them (fewer linear steps, every n-th decade) until they do fit.
/// </summary>
internal static class AxisLayout
{
    private const double MinGap = 10;

    /// <summary>
    /// Resolves <paramref name="axis"/> for <paramref name="data"/> along <paramref name="length"/> pixels.
    /// With <paramref name="extend"/> a free end of the range grows to the next nice tick (whole decades on
    /// a log axis); an end fixed by <see cref="Axis.Min"/> or <see cref="Axis.Max"/> is kept exactly.
    /// </summary>
    public static ResolvedAxis Resolve(Axis axis, IEnumerable<double> data, double length, bool horizontal, bool extend, double fontSize)
    {
        bool log = axis.Scale == AxisScale.Log;
        Interval range = DataRange(axis, data, log);
        double spacing = horizontal ? 60 : 32;
        int start = Math.Clamp((int)(length / spacing) + 1, 2, 11);
        ResolvedAxis? last = null;
        for (int maxCount = start; maxCount >= 2; maxCount--)
        {
            last = Build(axis, range, log, maxCount, extend);
            if (Fits(last, length, horizontal, fontSize))
            {
                break;
            }
        }

        return last!;
    }

    private static ResolvedAxis Build(Axis axis, Interval data, bool log, int maxCount, bool extend)
    {
        TickSet ticks = log ? Ticks.Log(data, maxCount, extend) : Ticks.Linear(data, maxCount, extend);
        var range = new Interval(axis.Min ?? ticks.Range.Min, axis.Max ?? ticks.Range.Max);
        bool Inside(double v) => v >= range.Min - 1e-9 * Math.Abs(range.Span) && v <= range.Max + 1e-9 * Math.Abs(range.Span);
        double[] major = ticks.Major.Where(Inside).ToArray();
        ticks = ticks with { Range = range, Major = major, Minor = ticks.Minor.Where(Inside).ToArray() };
        double largest = major.Select(Math.Abs).DefaultIfEmpty(0).Max();
        TickLabel[] labels = major.Select(v => log ? TickLabel.ForPower(v) : TickLabel.ForLinear(v, ticks.Step, largest)).ToArray();
        return new ResolvedAxis(axis, IScale.For(axis.Scale, range), ticks, labels);
    }

    private static bool Fits(ResolvedAxis a, double length, bool horizontal, double fontSize)
    {
        IReadOnlyList<double> major = a.Ticks.Major;
        for (int i = 1; i < major.Count; i++)
        {
            double distance = Math.Abs(a.Scale.Fraction(major[i]) - a.Scale.Fraction(major[i - 1])) * length;
            double needed = horizontal
                ? (TextMetrics.Width(a.Labels[i], fontSize) + TextMetrics.Width(a.Labels[i - 1], fontSize)) / 2 + MinGap
                : fontSize * (a.HasExponents ? 1.6 : 1.3);
            if (distance < needed)
            {
                return false;
            }
        }

        return true;
    }

    // The range to place ticks on: the data (drawable values only), overridden by explicit ends, and
    // never empty (a single value is widened around itself).
    private static Interval DataRange(Axis axis, IEnumerable<double> data, bool log)
    {
        if (log && (axis.Min <= 0 || axis.Max <= 0))
        {
            throw new ArgumentException($"Axis '{axis.Title}': a log axis needs positive ends.", nameof(axis));
        }

        Interval? fitted = Interval.Enclosing(data, log ? v => v > 0 && double.IsFinite(v) : double.IsFinite);
        double min = axis.Min ?? fitted?.Min ?? (axis.Max is double mx ? (log ? mx / 10 : mx - 1) : log ? 1 : 0);
        double max = axis.Max ?? fitted?.Max ?? (log ? min * 10 : min + 1);
        if (max < min && (axis.Min is null || axis.Max is null))
        {
            (min, max) = axis.Min is null ? (max, max) : (min, min);
        }

        if (!(max >= min))
        {
            throw new ArgumentException($"Axis '{axis.Title}': Min must be below Max.", nameof(axis));
        }

        if (max == min)
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = log ? (min / 2, max * 2) : (min - pad, max + pad);
        }

        return new Interval(min, max);
    }
}
