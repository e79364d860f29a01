namespace KanPde.Core.Sampling;

/// <summary>
/// Primitive polynomials over GF(2), found by search and ordered by degree, then by value. A polynomial
/// x^s + a_1 x^(s−1) + … + a_(s−1) x + 1 is stored as the integer with bit i holding the coefficient of x^i.
/// </summary>
internal static class PrimitivePolynomials
{
    private static readonly Lazy<int[]> Table = new(() => Search(64));

    /// <summary>The <paramref name="index"/>-th primitive polynomial (0 = x + 1).</summary>
    public static int Get(int index)
    {
        int[] table = Table.Value;
        if ((uint)index >= (uint)table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"At most {table.Length} Sobol axes beyond the first are supported.");
        }

        return table[index];
    }

    /// <summary>Degree of a polynomial stored as bits.</summary>
    public static int Degree(int poly) => 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)poly);

    private static int[] Search(int wanted)
    {
        var found = new List<int>();
        for (int s = 1; found.Count < wanted; s++)
        {
            for (int poly = (1 << s) | 1; poly < 1 << (s + 1) && found.Count < wanted; poly += 2)
            {
                if (IsPrimitive(poly, s))
                {
                    found.Add(poly);
                }
            }
        }

        return [.. found];
    }

    // Primitive ⇔ x has multiplicative order exactly 2^s − 1 modulo poly.
    private static bool IsPrimitive(int poly, int s)
    {
        int period = (1 << s) - 1;
        int power = 1;
        for (int n = 1; n <= period; n++)
        {
            power <<= 1;
            if ((power & (1 << s)) != 0)
            {
                power ^= poly;
            }

            if (power == 1)
            {
                return n == period;
            }
        }

        return false;
    }
}
