using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KanPde.Core.Derivatives;
using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Networks;

/// <summary>
/// Sweeps of an <see cref="MlpNetwork"/> over a block of n points carrying C channels. A layer's
/// channels form one matrix (neurons × C·n, column c·n + p), so z = W·a is one matrix product for all
/// channels at once (the bias touches the value columns only); the activation then applies
/// a = σ(z), ∂a = σ′(z)·∂z, ∂²a = σ″(z)·∂z∂z + σ′(z)·∂²z column-block by column-block.
/// </summary>
internal sealed partial class MlpWorkspace : INetworkWorkspace
{
    private readonly MlpNetwork _net;
    private readonly int[] _widths;
    private readonly int _layers;
    private readonly int _c, _f, _s;
    private readonly int[] _pairA, _pairB;
    private readonly ChannelLayout _layout;
    private readonly double[][] _a;    // [l] layer l's input channels, widths[l] × C·n
    private readonly double[][] _z;    // [l] hidden pre-activations, widths[l+1] × C·n
    private readonly double[][] _sig;  // [l] σ⁽ʳ⁾(z value), widths[l+1] × 4·n
    private readonly double[] _adjA, _adjZ;
    private readonly double[] _gradient;
    private int _count;

    public MlpWorkspace(MlpNetwork network, DerivativeSet derivatives, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _layout = new ChannelLayout(derivatives, network.Domain);

        _net = network;
        _widths = network.Widths.ToArray();
        _layers = _widths.Length - 1;
        Derivatives = derivatives;
        BlockSize = blockSize;
        (_c, _f, _s) = (_layout.Channels, _layout.Firsts, _layout.Seconds);
        (_pairA, _pairB) = (_layout.PairFirst, _layout.PairSecond);
        int cols = _c * blockSize, maxWidth = _widths.Max();
        _a = new double[_layers][];
        _z = new double[_layers][];
        _sig = new double[_layers][];
        for (int l = 0; l < _layers; l++)
        {
            _a[l] = new double[_widths[l] * cols];
            _z[l] = l + 1 < _layers ? new double[_widths[l + 1] * cols] : [];
            _sig[l] = l + 1 < _layers ? new double[_widths[l + 1] * 4 * blockSize] : [];
        }

        _adjA = new double[maxWidth * cols];
        _adjZ = new double[maxWidth * cols];
        _gradient = new double[network.ParameterCount];
    }

    public DerivativeSet Derivatives { get; }

    public int BlockSize { get; }

    /// <summary>MLP rows are dense: every parameter, in order.</summary>
    public int RowLength => _net.ParameterCount;

    public int RowGroupLength => RowLength;

    public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int count, Span<double> channels)
    {
        int d = _net.InputCount;
        if ((uint)count > (uint)BlockSize || inputs.Length < count * d || channels.Length < count * _c)
        {
            throw new ArgumentException("Block larger than the workspace or buffers too short.");
        }

        if (parameters.Length != _net.ParameterCount)
        {
            throw new ArgumentException("Parameter vector of the wrong length.", nameof(parameters));
        }

        _count = count;
        int n = count, cols = _c * n;
        _layout.WriteInputs(inputs, count, _a[0]); // rows are inputs, columns channel-major: the same layout

        for (int l = 0; l < _layers; l++)
        {
            int nIn = _widths[l], nOut = _widths[l + 1];
            Span<double> z = l + 1 < _layers ? _z[l].AsSpan(0, nOut * cols) : channels[..cols];
            ReadOnlySpan<double> bias = parameters.Slice(_net.BiasOffset(l), nOut);
            for (int o = 0; o < nOut; o++)
            {
                z.Slice(o * cols, n).Fill(bias[o]); // the bias touches the value columns only
                z.Slice(o * cols + n, cols - n).Clear();
            }

            Gemm.MultiplyAdd(parameters.Slice(_net.WeightOffset(l), nOut * nIn), _a[l].AsSpan(0, nIn * cols), z, nOut, nIn, cols);
            if (l + 1 < _layers)
            {
                for (int o = 0; o < nOut; o++)
                {
                    Activate(l, o);
                }
            }
        }
    }

    // a = σ(z), a_f = σ′·z_f, a_s = σ″·z_a·z_b + σ′·z_s for neuron o of hidden layer l, in one pass over the points
    // (vectors, then a scalar tail with the same operations, so a point's bits do not depend on its place in the block).
    private void Activate(int l, int o)
    {
        int n = _count, cols = _c * n;
        ReadOnlySpan<double> zs = _z[l].AsSpan(o * cols, cols);
        Span<double> sig = _sig[l].AsSpan(o * 4 * n, 4 * n);
        Span<double> a = _a[l + 1].AsSpan(o * cols, cols);
        ActivationBlock.Evaluate(_net.Activation, zs[..n], sig);
        sig[..n].CopyTo(a);
        ref double z = ref MemoryMarshal.GetReference(zs);
        ref double y = ref MemoryMarshal.GetReference(a);
        ref double s1 = ref MemoryMarshal.GetReference(sig.Slice(n, n));
        ref double s2 = ref Unsafe.Add(ref s1, n);
        int p = 0;
        for (; p + 4 <= n; p += 4)
        {
            Vector256<double> d1 = Vector256.LoadUnsafe(ref s1, (nuint)p), d2 = Vector256.LoadUnsafe(ref s2, (nuint)p);
            for (int f = 1; f <= _f; f++)
            {
                (d1 * Vector256.LoadUnsafe(ref z, (nuint)(f * n + p))).StoreUnsafe(ref y, (nuint)(f * n + p));
            }

            for (int s = 0; s < _s; s++)
            {
                int ch = (1 + _f + s) * n + p;
                Vector256<double> t = Vector256.LoadUnsafe(ref z, (nuint)((1 + _pairA[s]) * n + p)) * Vector256.LoadUnsafe(ref z, (nuint)((1 + _pairB[s]) * n + p));
                Vector256.FusedMultiplyAdd(d1, Vector256.LoadUnsafe(ref z, (nuint)ch), t * d2).StoreUnsafe(ref y, (nuint)ch);
            }
        }

        for (; p < n; p++)
        {
            double d1 = Unsafe.Add(ref s1, p), d2 = Unsafe.Add(ref s2, p);
            for (int f = 1; f <= _f; f++)
            {
                Unsafe.Add(ref y, f * n + p) = d1 * Unsafe.Add(ref z, f * n + p);
            }

            for (int s = 0; s < _s; s++)
            {
                int ch = (1 + _f + s) * n + p;
                double t = Unsafe.Add(ref z, (1 + _pairA[s]) * n + p) * Unsafe.Add(ref z, (1 + _pairB[s]) * n + p);
                Unsafe.Add(ref y, ch) = Math.FusedMultiplyAdd(d1, Unsafe.Add(ref z, ch), t * d2);
            }
        }
    }
}
