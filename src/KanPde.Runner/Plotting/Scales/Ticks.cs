using System.Globalization;

namespace KanPde.Runner.Plotting.Scales;

/// <summary>
/// Tick positions for one axis. <see cref="Range"/> is the axis range (the data range, or that range
/// widened to the outermost ticks); <see cref="Step"/> is the spacing of linear ticks, or the number of
/// decades between labelled log ticks.
/// </summary>
public sealed record TickSet(Interval Range, IReadOnlyList<double> Major, IReadOnlyList<double> Minor, double Step);

/// <summary>Tick selection: 1-2-5 steps on linear axes, powers of ten on log axes.</summary>
public static class Ticks
{
    private static readonly int[] Mantissas = [1, 2, 5];

    /// <summary>
    /// At most <paramref name="maxCount"/> (≥ 2) ticks at the multiples of the smallest step
    /// m·10^e (m ∈ {1, 2, 5}) that fits. With <paramref name="extend"/> the range grows to the
    /// enclosing multiples, otherwise the ticks lie inside <paramref name="data"/>.
    /// </summary>
    public static TickSet Linear(Interval data, int maxCount, bool extend)
    {
        if (!(data.Max > data.Min) || !double.IsFinite(data.Span))
        {
            throw new ArgumentException("The interval must be finite with Min < Max.", nameof(data));
        }

        maxCount = Math.Max(maxCount, 2);
        int e = (int)Math.Floor(Math.Log10(data.Span / maxCount));
        for (; ; e++)
        {
            foreach (int m in Mantissas)
            {
                double step = Multiple(1, m, e);
                double lo = data.Min / step, hi = data.Max / step;
                long kLo = (long)(extend ? Math.Floor(lo + 1e-9) : Math.Ceiling(lo - 1e-9));
                long kHi = (long)(extend ? Math.Ceiling(hi - 1e-9) : Math.Floor(hi + 1e-9));
                if (kHi - kLo + 1 > maxCount)
                {
                    continue;
                }

                var major = new double[Math.Max(0, kHi - kLo + 1)];
                for (long k = kLo; k <= kHi; k++)
                {
                    major[k - kLo] = Multiple(k, m, e);
                }

                Interval range = extend ? new Interval(Multiple(kLo, m, e), Multiple(kHi, m, e)) : data;
                return new TickSet(range, major, [], step);
            }
        }
    }

    /// <summary>
    /// Ticks at powers of ten, every <c>Step</c>-th decade so that at most <paramref name="maxCount"/> are
    /// labelled. With <paramref name="extend"/> the range grows to whole decades (at least one), so the
    /// ticks cover the data; minor ticks at 2…9 times a power of ten when every decade is labelled.
    /// </summary>
    public static TickSet Log(Interval data, int maxCount, bool extend)
    {
        if (!(data.Min > 0) || !(data.Max >= data.Min) || !double.IsFinite(data.Max))
        {
            throw new ArgumentException("The interval must be positive and finite.", nameof(data));
        }

        maxCount = Math.Max(maxCount, 2);
        int lo = (int)Math.Floor(Math.Log10(data.Min) + 1e-9);
        int hi = (int)Math.Ceiling(Math.Log10(data.Max) - 1e-9);
        hi = Math.Max(hi, lo + 1);
        Interval range = extend ? new Interval(PowerOfTen(lo), PowerOfTen(hi)) : data;

        int stride = 1;
        while ((hi - lo) / stride + 1 > maxCount)
        {
            stride++;
        }

        var major = new List<double>();
        var minor = new List<double>();
        for (int k = lo; k <= hi; k++)
        {
            double p = PowerOfTen(k);
            if (Within(p, range) && k % stride == 0)
            {
                major.Add(p);
            }

            for (int m = 2; stride == 1 && hi - lo <= 8 && m <= 9 && k < hi; m++)
            {
                double v = m * p;
                if (Within(v, range))
                {
                    minor.Add(v);
                }
            }
        }

        return new TickSet(range, major, minor, stride);
    }

    /// <summary>10^k as the double nearest to it (exact for 0 ≤ k ≤ 22).</summary>
    public static double PowerOfTen(int k) => double.Parse("1e" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    // k·m·10^e as the double nearest to the decimal value: an exact integer divided by an exact power of ten.
    private static double Multiple(long k, int m, int e) =>
        e >= 0 ? k * m * PowerOfTen(e) : e >= -22 ? (double)(k * m) / PowerOfTen(-e) : k * m * PowerOfTen(e);

    private static bool Within(double v, Interval range) =>
        v >= range.Min * (1 - 1e-12) && v <= range.Max * (1 + 1e-12);
}
