using KanPde.Core.Sampling;

namespace KanPde.Core.Geometry;

/// <summary>
/// An endless stream of points in [0, 1)^d drawn in batches, coordinate-major within each batch. Uniform:
/// one <see cref="SeededRandom"/>(seed, stream) whose doubles fill each batch in order (axis 0 of the batch,
/// then axis 1, …), so the first batch equals what <see cref="Collocation"/> draws for the same count.
/// Sobol / Halton: consecutive indices of the sequence shifted from SeededRandom(seed, stream), so batches
/// continue the sequence exactly as one longer call would.
/// </summary>
internal sealed class UnitStream
{
    private readonly SamplingMethod _method;
    private readonly int _dimension;
    private readonly long _seed;
    private readonly long _stream;
    private readonly SeededRandom _random;
    private int _drawn;

    public UnitStream(SamplingMethod method, int dimension, long seed, long stream)
    {
        if (method is not (SamplingMethod.Uniform or SamplingMethod.Sobol or SamplingMethod.Halton))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a random or low-discrepancy method.");
        }

        _method = method;
        _dimension = dimension;
        _seed = seed;
        _stream = stream;
        _random = new SeededRandom(seed, stream);
    }

    /// <summary>The next <paramref name="count"/> points, coordinate-major.</summary>
    public double[] Next(int count)
    {
        var data = new double[_dimension * count];
        if (_method == SamplingMethod.Uniform)
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = _random.NextDouble();
            }
        }
        else
        {
            int total = checked(_drawn + count);
            var random = new SeededRandom(_seed, _stream);
            double[] all = _method == SamplingMethod.Sobol
                ? SobolSequence.Generate(_dimension, total, random)
                : HaltonSequence.Generate(_dimension, total, random);
            for (int k = 0; k < _dimension; k++)
            {
                all.AsSpan((k * total) + _drawn, count).CopyTo(data.AsSpan(k * count, count));
            }
        }

        _drawn += count;
        return data;
    }

    /// <summary>The size of the next batch when <paramref name="accepted"/> of <paramref name="drawn"/> candidates were kept and <paramref name="wanted"/> are needed in all.</summary>
    public static int NextBatch(int wanted, int accepted, int drawn)
    {
        double rate = accepted > 0 ? (double)accepted / drawn : 0.01;
        double size = ((wanted - accepted) / rate * 1.1) + 16;
        return (int)Math.Min(size, 1 << 22);
    }
}
