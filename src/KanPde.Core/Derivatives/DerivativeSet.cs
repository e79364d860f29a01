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
    private readonly DerivativeSet[]? _parts;
    private readonly int[]? _offsets;

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

    // A set over several unknowns: one single-unknown set per unknown, their channels one after the other.
    private DerivativeSet(int inputCount, DerivativeSet[] parts)
    {
        InputCount = inputCount;
        _parts = parts;
        _offsets = new int[parts.Length];
        var channels = new List<DerivativeTerm>();
        for (int k = 0; k < parts.Length; k++)
        {
            _offsets[k] = channels.Count;
            channels.AddRange(parts[k].Channels.Select(c => c.Of(k)));
        }

        _channels = [.. channels];
        _firstVariable = _pairA = _pairB = [];
        FirstCount = SecondCount = -1;
    }

    /// <summary>Number of unknowns the channels belong to: 1 for a set of one network's output.</summary>
    public int UnknownCount => _parts?.Length ?? 1;

    /// <summary>The channels of unknown <paramref name="unknown"/> as a single-unknown set (its terms with unknown 0).</summary>
    public DerivativeSet ForUnknown(int unknown)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unknown);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unknown, UnknownCount);
        return _parts?[unknown] ?? this;
    }

    /// <summary>The first channel of unknown <paramref name="unknown"/>.</summary>
    public int Offset(int unknown) => _offsets?[unknown] ?? 0;

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

    /// <summary>
    /// The smallest set carrying every requested term of a function of <paramref name="inputCount"/> inputs. Terms of
    /// several unknowns give a set with every unknown up to the largest (each with at least its value), unknown by unknown;
    /// only a <see cref="Networks.SystemNetwork"/> evaluates such a set, and <see cref="FirstCount"/> and the other
    /// per-derivative properties then describe nothing (−1 and empty): read them from <see cref="ForUnknown"/>.
    /// </summary>
    public static DerivativeSet Create(int inputCount, IEnumerable<DerivativeTerm> requested)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        ArgumentNullException.ThrowIfNull(requested);
        DerivativeTerm[] terms = [.. requested];
        if (terms.Any(t => t.Unknown > 0))
        {
            int unknowns = terms.Max(t => t.Unknown) + 1;
            return new DerivativeSet(inputCount, [.. Enumerable.Range(0, unknowns)
                .Select(k => Create(inputCount, terms.Where(t => t.Unknown == k).Select(t => t.Of(0))))]);
        }

        return Single(inputCount, terms);
    }

    private static DerivativeSet Single(int inputCount, DerivativeTerm[] requested)
    {
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
