using System.Globalization;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// The "nice" values a fitted constant may be rounded to — n/q (q = 1, 2, 4), n·π/q (q = 1, 2, 3, 4, 6) and
/// n·π²/q (q = 1, 2, 4), |n| ≤ 100 — and how they are written (<c>pi/2</c>, <c>3*pi</c>).
/// </summary>
public static class NiceNumbers
{
    /// <summary>A nice value may replace a constant only within this relative distance (of max(1, |v|)).</summary>
    public const double Tolerance = 1e-3;

    private static readonly (double Value, string Text)[] Table = Build();

    /// <summary>The nearest nice value within <see cref="Tolerance"/> of <paramref name="value"/>, unless it is the value itself.</summary>
    public static double? Nearest(double value)
    {
        double best = double.NaN, distance = double.PositiveInfinity;
        foreach ((double v, _) in Table)
        {
            double d = Math.Abs(value - v);
            if (d < distance)
            {
                (best, distance) = (v, d);
            }
        }

        return distance <= Tolerance * Math.Max(1, Math.Abs(value)) && best != value ? best : null;
    }

    /// <summary>Whether <paramref name="value"/> is exactly one of the nice values.</summary>
    public static bool IsNice(double value) => Array.Exists(Table, t => t.Value == value);

    /// <summary>How a multiple of π or π² is written (it parses back to exactly this double), or null.</summary>
    public static string? Text(double value)
    {
        foreach ((double v, string text) in Table)
        {
            if (v == value && text.Contains("pi", StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    private static (double, string)[] Build()
    {
        var table = new List<(double, string)>();
        for (int n = -100; n <= 100; n++)
        {
            foreach (int q in (int[])[1, 2, 4])
            {
                if (q == 1 || (n % 2 != 0))
                {
                    table.Add(((double)n / q, ""));
                }
            }

            if (n == 0)
            {
                continue;
            }

            foreach (int q in (int[])[1, 2, 3, 4, 6])
            {
                if (Gcd(Math.Abs(n), q) == 1)
                {
                    table.Add((n * Math.PI / q, Write(n, "pi", q)));
                }
            }

            foreach (int q in (int[])[1, 2, 4])
            {
                if (Gcd(Math.Abs(n), q) == 1)
                {
                    table.Add((n * Math.Pow(Math.PI, 2) / q, Write(n, "pi^2", q)));
                }
            }
        }

        return [.. table];
    }

    // Written so that the parser computes exactly n·c/q: ((n*c)/q), with n = ±1 left out (1*c and -(c) are exact).
    private static string Write(int n, string constant, int q)
    {
        string numerator = n == 1 ? constant : n == -1 ? "-" + constant : n.ToString(CultureInfo.InvariantCulture) + "*" + constant;
        return q == 1 ? numerator : numerator + "/" + q.ToString(CultureInfo.InvariantCulture);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
