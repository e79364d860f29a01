namespace KanPde.Core.Sampling;

/// <summary>
/// The Halton sequence: axis j is the radical inverse of the point index in the j-th prime base,
/// shifted modulo 1 by a random offset (a Cranley–Patterson rotation) drawn from the seed.
/// </summary>
public static class HaltonSequence
{
    /// <summary>The first <paramref name="count"/> points in [0,1)^<paramref name="dimension"/>, coordinate-major.</summary>
    public static double[] Generate(int dimension, int count, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var result = new double[dimension * count];
        int prime = 1;
        for (int j = 0; j < dimension; j++)
        {
            prime = NextPrime(prime);
            double shift = random.NextDouble();
            for (int i = 0; i < count; i++)
            {
                double x = RadicalInverse(i, prime) + shift;
                result[j * count + i] = x >= 1 ? x - 1 : x;
            }
        }

        return result;
    }

    /// <summary>The digits of <paramref name="index"/> in base <paramref name="b"/> mirrored about the point.</summary>
    public static double RadicalInverse(long index, int b)
    {
        double inverse = 1.0 / b;
        double scale = inverse;
        double value = 0;
        while (index > 0)
        {
            value += (index % b) * scale;
            index /= b;
            scale *= inverse;
        }

        return value;
    }

    private static int NextPrime(int n)
    {
        for (int candidate = n + 1; ; candidate++)
        {
            bool prime = candidate >= 2;
            for (int f = 2; f * f <= candidate && prime; f++)
            {
                prime = candidate % f != 0;
            }

            if (prime)
            {
                return candidate;
            }
        }
    }
}
