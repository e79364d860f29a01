namespace KanPde.Core.Derivatives;

/// <summary>
/// The derivative terms a network carries for every point, as "channels": channel 0 is u, then the
/// first derivatives that are needed (requested, or needed by a requested second derivative), then
/// the requested second derivatives. Only what is asked for is carried.
/// </summary>
public sealed class DerivativeSet
{
    private readonly DerivativeTerm[] _channels;
    private readonly int[] _firstVariable;
    private readonly int[] _pairA;
    private readonly int[] _pairB;

    private DerivativeSet(int inputCount, DerivativeTerm[] channels, int firstCount)
    {
        InputCount = inputCount;
        _channels = channels;
        FirstCount = firstCount;
        SecondCount = channels.Length - 1 - firstCount;
        _firstVariable = new int[firstCount];
        for (int f = 0; f < firstCount; f++)
        {
            _firstVariable[f] = channels[1 + f].First;
        }

        _pairA = new int[SecondCount];
        _pairB = new int[SecondCount];
        for (int s = 0; s < SecondCount; s++)
        {
            DerivativeTerm term = channels[1 + firstCount + s];
            _pairA[s] = Array.IndexOf(_firstVariable, term.First);
            _pairB[s] = Array.IndexOf(_firstVariable, term.Second);
        }
    }

    /// <summary>Number of network inputs.</summary>
    public int InputCount { get; }

    /// <summary>The channels in order: u, first derivatives, second derivatives.</summary>
    public IReadOnlyList<DerivativeTerm> Channels => _channels;

    /// <summary>Number of channels, 1 + <see cref="FirstCount"/> + <see cref="SecondCount"/>.</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>Number of first-derivative channels.</summary>
    public int FirstCount { get; }

    /// <summary>Number of second-derivative channels.</summary>
    public int SecondCount { get; }

    /// <summary>The input variable of first-derivative channel f (channel 1 + f).</summary>
    public ReadOnlySpan<int> FirstVariables => _firstVariable;

    /// <summary>For second-derivative channel s (channel 1 + F + s) = ∂²/∂x_a∂x_b: the first-derivative index of a.</summary>
    public ReadOnlySpan<int> PairFirst => _pairA;

    /// <summary>For second-derivative channel s: the first-derivative index of b.</summary>
    public ReadOnlySpan<int> PairSecond => _pairB;

    /// <summary>The channel carrying <paramref name="term"/>, or −1.</summary>
    public int IndexOf(DerivativeTerm term) => Array.IndexOf(_channels, term);

    /// <summary>The smallest set carrying every requested term of a function of <paramref name="inputCount"/> inputs.</summary>
    public static DerivativeSet Create(int inputCount, IEnumerable<DerivativeTerm> requested)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        ArgumentNullException.ThrowIfNull(requested);
        var firsts = new SortedSet<int>();
        var seconds = new SortedSet<(int, int)>();
        foreach (DerivativeTerm term in requested)
        {
            if (term.First >= inputCount || term.Second >= inputCount)
            {
                throw new ArgumentException($"Term {term} refers to an input beyond {inputCount}.", nameof(requested));
            }

            if (term.Order >= 1)
            {
                firsts.Add(term.First);
            }

            if (term.Order == 2)
            {
                firsts.Add(term.Second);
                seconds.Add((term.First, term.Second));
            }
        }

        var channels = new List<DerivativeTerm> { DerivativeTerm.Value };
        channels.AddRange(firsts.Select(i => DerivativeTerm.D(i)));
        channels.AddRange(seconds.Select(p => DerivativeTerm.D(p.Item1, p.Item2)));
        return new DerivativeSet(inputCount, channels.ToArray(), firsts.Count);
    }

    /// <summary>Every first and second derivative of a function of <paramref name="inputCount"/> inputs.</summary>
    public static DerivativeSet All(int inputCount)
    {
        var terms = new List<DerivativeTerm>();
        for (int i = 0; i < inputCount; i++)
        {
            for (int j = i; j < inputCount; j++)
            {
                terms.Add(DerivativeTerm.D(i, j));
            }
        }

        return Create(inputCount, terms);
    }

    /// <summary>u alone.</summary>
    public static DerivativeSet ValueOnly(int inputCount) => Create(inputCount, []);
}
