namespace KanPde.Core.Sampling;

/// <summary>
/// The Sobol sequence in base 2 with 32-bit direction numbers. Axis 0 is the van der Corput sequence;
/// axis j ≥ 1 uses the j-th primitive polynomial over GF(2) (ordered by degree, then by value, as found
/// by <see cref="PrimitivePolynomials"/>) with initial direction numbers m_k = 2k − 1 (odd and below 2^k,
/// as required). Each axis is a (0,1)-sequence: any 2^m consecutive points from index 0 put exactly one
/// point in each interval [i/2^m, (i+1)/2^m).
/// </summary>
public static class SobolSequence
{
    private const int Bits = 32;

    /// <summary>
    /// The first <paramref name="count"/> points in [0,1)^<paramref name="dimension"/>, coordinate-major,
    /// each coordinate XOR-ed with a random 32-bit digital shift drawn from <paramref name="random"/>
    /// (a digital shift keeps the stratification of the sequence).
    /// </summary>
    public static double[] Generate(int dimension, int count, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var result = new double[dimension * count];
        for (int j = 0; j < dimension; j++)
        {
            uint[] v = DirectionNumbers(j);
            uint shift = (uint)(random.NextUInt64() >> 32);
            uint x = 0;
            for (int i = 0; i < count; i++)
            {
                // Gray-code order: point i differs from point i-1 by the direction number of i's lowest zero bit.
                if (i > 0)
                {
                    x ^= v[System.Numerics.BitOperations.TrailingZeroCount(i)];
                }

                result[j * count + i] = (x ^ shift) * (1.0 / 4294967296.0);
            }
        }

        return result;
    }

    /// <summary>Direction numbers V_k = m_k · 2^(32−k) of axis <paramref name="axis"/>, k = 1..32.</summary>
    internal static uint[] DirectionNumbers(int axis)
    {
        var v = new uint[Bits];
        if (axis == 0)
        {
            for (int k = 0; k < Bits; k++)
            {
                v[k] = 1u << (Bits - 1 - k);
            }

            return v;
        }

        int poly = PrimitivePolynomials.Get(axis - 1);
        int s = PrimitivePolynomials.Degree(poly);
        var m = new ulong[Bits + 1];
        for (int k = 1; k <= Bits; k++)
        {
            if (k <= s)
            {
                m[k] = (ulong)(2 * k - 1);
                continue;
            }

            ulong value = m[k - s] ^ (m[k - s] << s);
            for (int i = 1; i < s; i++)
            {
                if (((poly >> (s - i)) & 1) != 0)
                {
                    value ^= m[k - i] << i;
                }
            }

            m[k] = value;
        }

        for (int k = 1; k <= Bits; k++)
        {
            v[k - 1] = (uint)(m[k] << (Bits - k));
        }

        return v;
    }
}
