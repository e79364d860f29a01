using KanPde.Core.Derivatives;

namespace KanPde.Core.Networks;

/// <summary>
/// Evaluates a <see cref="SystemNetwork"/>: each part on the block with the channels the set asks of its unknown (a
/// part the set does not read computes its value only, so that Jacobian rows keep one shape), its channels placed at the
/// set's offset for that unknown; adjoints and Jacobian rows are the parts' own, side by side, their parameter indices
/// shifted to the part's place in θ.
/// </summary>
internal sealed class SystemWorkspace : INetworkWorkspace
{
    private readonly SystemNetwork _network;
    private readonly INetworkWorkspace[] _parts;
    private readonly double[][] _channels;
    private readonly int[][] _indices;
    private readonly double[][] _values;
    private readonly double[] _zeros;
    private readonly int[] _slots;
    private int _count;

    public SystemWorkspace(SystemNetwork network, DerivativeSet derivatives, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        if (derivatives.UnknownCount > network.Parts.Count || derivatives.InputCount != network.InputCount)
        {
            throw new ArgumentException($"The channels read {derivatives.UnknownCount} unknowns of {derivatives.InputCount} inputs; the system has {network.Parts.Count} parts of {network.InputCount} inputs.", nameof(derivatives));
        }

        _network = network;
        Derivatives = derivatives;
        BlockSize = blockSize;
        int parts = network.Parts.Count;
        _parts = new INetworkWorkspace[parts];
        _channels = new double[parts][];
        _indices = new int[parts][];
        _values = new double[parts][];
        int gcd = 0;
        for (int k = 0; k < parts; k++)
        {
            DerivativeSet own = k < derivatives.UnknownCount ? derivatives.ForUnknown(k) : DerivativeSet.ValueOnly(network.InputCount);
            _parts[k] = network.Parts[k].CreateWorkspace(own, blockSize);
            _channels[k] = new double[own.ChannelCount * blockSize];
            _indices[k] = new int[_parts[k].RowLength * blockSize];
            _values[k] = new double[_parts[k].RowLength * blockSize];
            gcd = network.Parts[k] is ConstantNetwork ? gcd : Gcd(gcd, _parts[k].RowGroupLength);
        }

        // The row groups must keep each part's own: within a group of a KAN's row the columns vary with the point, and
        // the normal equations give each group's columns to one task. A constant's single entry is therefore padded to a
        // whole group (same column, value zero) instead of shrinking the groups to one entry, which let two tasks add
        // into the same entries of JᵀJ at once.
        RowGroupLength = Math.Max(1, gcd);
        _slots = new int[parts];
        for (int k = 0; k < parts; k++)
        {
            _slots[k] = (_parts[k].RowLength + RowGroupLength - 1) / RowGroupLength * RowGroupLength;
            RowLength += _slots[k];
        }
        _zeros = new double[blockSize];
    }

    public DerivativeSet Derivatives { get; }

    public int BlockSize { get; }

    public int RowLength { get; }

    public int RowGroupLength { get; }

    public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int count, Span<double> channels)
    {
        _count = count;
        for (int k = 0; k < _parts.Length; k++)
        {
            int own = _parts[k].Derivatives.ChannelCount * count;
            _parts[k].Forward(Slice(parameters, k), inputs, count, _channels[k].AsSpan(0, own));
            if (k < Derivatives.UnknownCount)
            {
                _channels[k].AsSpan(0, own).CopyTo(channels.Slice(Derivatives.Offset(k) * count, own));
            }
        }
    }

    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints)
    {
        for (int k = 0; k < Derivatives.UnknownCount; k++)
        {
            _parts[k].Backward(Slice(parameters, k), adjoints.Slice(Derivatives.Offset(k) * _count, _parts[k].Derivatives.ChannelCount * _count));
        }
    }

    public void CollectGradient(Span<double> gradient)
    {
        for (int k = 0; k < _parts.Length; k++)
        {
            _parts[k].CollectGradient(gradient.Slice(_network.Offset(k), _network.Parts[k].ParameterCount));
        }
    }

    public void JacobianRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> weights, Span<int> indices, Span<double> values)
    {
        int count = _count, at = 0;
        for (int k = 0; k < _parts.Length; k++)
        {
            int length = _parts[k].RowLength, offset = _network.Offset(k);
            ReadOnlySpan<double> own = k < Derivatives.UnknownCount
                ? weights.Slice(Derivatives.Offset(k) * count, _parts[k].Derivatives.ChannelCount * count)
                : _zeros.AsSpan(0, count); // a value-only part the set does not read: zero rows of the same shape
            _parts[k].JacobianRows(Slice(parameters, k), own, _indices[k].AsSpan(0, length * count), _values[k].AsSpan(0, length * count));
            for (int p = 0; p < count; p++)
            {
                int target = p * RowLength + at, source = p * length;
                for (int e = 0; e < length; e++)
                {
                    indices[target + e] = _indices[k][source + e] + offset;
                    values[target + e] = _values[k][source + e];
                }

                for (int e = length; e < _slots[k]; e++)
                {
                    indices[target + e] = _indices[k][source] + offset;
                    values[target + e] = 0;
                }
            }

            at += _slots[k];
        }
    }

    private ReadOnlySpan<double> Slice(ReadOnlySpan<double> parameters, int part) =>
        parameters.Slice(_network.Offset(part), _network.Parts[part].ParameterCount);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
