using KanPde.Core.Derivatives;
using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

/// <summary>
/// Forward and reverse sweeps of a <see cref="KanNetwork"/> over a block of points, carrying for every
/// node its value with the requested input derivatives ("channels": value, F first, S second).
/// Through an edge φ with incoming node a: value φ(a); first φ′(a)·∂a; second φ″(a)·∂a∂a + φ′(a)·∂²a.
/// </summary>
/// <remarks>
/// This is the point-by-point form, straight from the B-spline basis of each point: the reference that tests
/// hold <see cref="KanWorkspace"/>, the fast blocked form of the same sweeps (loss gradients and the sparse
/// Jacobian rows of Gauss–Newton), to. Per point and layer the sweep keeps, for every input i: its channels, the basis window start, the
/// k+1 basis values with derivatives, silu and its derivatives; for every edge: the spline sums
/// S⁽ʳ⁾ = Σ c·B⁽ʳ⁾. The reverse sweep reads them back; nothing is recomputed.
/// </remarks>
internal sealed partial class KanPointwiseWorkspace : INetworkWorkspace
{
    private const int Derivs = 4; // stored derivative orders 0..3

    private readonly KanNetwork _net;
    private readonly KanLayer[] _layers;
    private readonly int _c;      // channels per node
    private readonly int _f;      // first-derivative channels
    private readonly int _s;      // second-derivative channels
    private readonly int _forwardOrder; // highest φ derivative the forward chain rule uses
    private readonly int[] _pairA;
    private readonly int[] _pairB;
    private readonly ChannelLayout _layout;
    private readonly int[] _firstVariable;
    private readonly double[][] _act;     // [layer][p * in * C + i * C + c]
    private readonly int[][] _start;      // [layer][p * in + i]
    private readonly double[][] _basis;   // [layer][(p * in + i) * 4w + r * w + m]
    private readonly double[][] _silu;    // [layer][(p * in + i) * 4 + r]
    private readonly double[][] _spline;  // [layer][((p * in + i) * out + o) * 4 + r]
    private readonly double[] _adjA;      // scratch adjoints, max width × C
    private readonly double[] _adjB;
    private readonly int[] _rowOffsets;   // [layer] first entry of the layer in a Jacobian row
    private double[]? _accumulator;
    private int _count;

    public KanPointwiseWorkspace(KanNetwork network, DerivativeSet derivatives, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _layout = new ChannelLayout(derivatives, network.Domain);

        _net = network;
        _layers = network.Layers.ToArray();
        Derivatives = derivatives;
        BlockSize = blockSize;
        (_c, _f, _s) = (_layout.Channels, _layout.Firsts, _layout.Seconds);
        _forwardOrder = _layout.ForwardOrder;
        (_pairA, _pairB, _firstVariable) = (_layout.PairFirst, _layout.PairSecond, _layout.FirstVariable);

        int layers = _layers.Length;
        _act = new double[layers][];
        _start = new int[layers][];
        _basis = new double[layers][];
        _silu = new double[layers][];
        _spline = new double[layers][];
        int maxWidth = 1;
        _rowOffsets = new int[layers];
        for (int l = 0; l < layers; l++)
        {
            _rowOffsets[l] = RowLength;
            KanLayer layer = _layers[l];
            int n = layer.InputCount;
            maxWidth = Math.Max(maxWidth, Math.Max(n, layer.OutputCount));
            _act[l] = new double[blockSize * n * _c];
            _start[l] = new int[blockSize * n];
            _basis[l] = new double[blockSize * n * Derivs * (layer.Order + 1)];
            _silu[l] = new double[blockSize * n * Derivs];
            _spline[l] = new double[blockSize * n * layer.OutputCount * Derivs];
            RowLength += n * layer.OutputCount * (layer.Order + 3);
        }

        _adjA = new double[maxWidth * _c];
        _adjB = new double[maxWidth * _c];
    }

    public DerivativeSet Derivatives { get; }

    public int BlockSize { get; }

    public int RowLength { get; }

    public int RowGroupLength => _layers[0].Order + 3;

    public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int count, Span<double> channels)
    {
        if ((uint)count > (uint)BlockSize || inputs.Length < count * _net.InputCount || channels.Length < count * _c)
        {
            throw new ArgumentException("Block larger than the workspace or buffers too short.");
        }

        if (parameters.Length != _net.ParameterCount)
        {
            throw new ArgumentException("Parameter vector of the wrong length.", nameof(parameters));
        }

        _count = count;
        int d = _net.InputCount;
        Span<double> output = stackalloc double[_c];
        for (int p = 0; p < count; p++)
        {
            Span<double> a0 = _act[0].AsSpan(p * d * _c, d * _c);
            a0.Clear();
            for (int i = 0; i < d; i++)
            {
                a0[i * _c] = (inputs[i * count + p] - _layout.Center[i]) * _layout.Scale[i];
            }

            for (int f = 0; f < _f; f++)
            {
                int v = _firstVariable[f];
                a0[v * _c + 1 + f] = _layout.Scale[v];
            }

            for (int l = 0; l < _layers.Length; l++)
            {
                Span<double> next = l + 1 < _layers.Length
                    ? _act[l + 1].AsSpan(p * _layers[l].OutputCount * _c, _layers[l].OutputCount * _c)
                    : output;
                ForwardLayer(parameters, l, p, next);
            }

            for (int c = 0; c < _c; c++)
            {
                channels[c * count + p] = output[c];
            }
        }
    }

    private void ForwardLayer(ReadOnlySpan<double> parameters, int l, int p, Span<double> next)
    {
        KanLayer layer = _layers[l];
        int nIn = layer.InputCount, nOut = layer.OutputCount, w = layer.Order + 1, bc = layer.BasisCount;
        int order = l == 0 ? _forwardOrder : Math.Min(_forwardOrder + 1, BSplineBasis.MaxDerivative);
        ReadOnlySpan<double> a = _act[l].AsSpan(p * nIn * _c, nIn * _c);
        next.Clear();
        for (int i = 0; i < nIn; i++)
        {
            int node = p * nIn + i;
            ReadOnlySpan<double> ai = a.Slice(i * _c, _c);
            Span<double> basis = _basis[l].AsSpan(node * Derivs * w, Derivs * w);
            Span<double> silu = _silu[l].AsSpan(node * Derivs, Derivs);
            int start = BSplineBasis.Evaluate(layer.Grids[i], ai[0], order, basis);
            _start[l][node] = start;
            Activations.Silu(ai[0], silu);
            Span<double> spline = _spline[l].AsSpan(node * nOut * Derivs, nOut * Derivs);
            spline.Clear();
            for (int o = 0; o < nOut; o++)
            {
                ReadOnlySpan<double> window = parameters.Slice(layer.CoefficientIndex(i, start, o), w);
                for (int r = 0; r <= order; r++)
                {
                    double sum = 0;
                    for (int m = 0; m < w; m++)
                    {
                        sum += basis[r * w + m] * window[m];
                    }

                    spline[o * Derivs + r] = sum;
                }
            }


            for (int o = 0; o < nOut; o++)
            {
                double wb = parameters[layer.BaseWeightIndex(i, o)], ws = parameters[layer.SplineScaleIndex(i, o)];
                double phi0 = wb * silu[0] + ws * spline[o * Derivs];
                Span<double> target = next.Slice(o * _c, _c);
                target[0] += phi0;
                if (_forwardOrder == 0)
                {
                    continue;
                }

                double phi1 = wb * silu[1] + ws * spline[o * Derivs + 1];
                for (int f = 1; f <= _f; f++)
                {
                    target[f] += phi1 * ai[f];
                }

                if (_s > 0)
                {
                    double phi2 = wb * silu[2] + ws * spline[o * Derivs + 2];
                    for (int s = 0; s < _s; s++)
                    {
                        int ch = 1 + _f + s;
                        target[ch] += phi2 * ai[1 + _pairA[s]] * ai[1 + _pairB[s]] + phi1 * ai[ch];
                    }
                }
            }
        }
    }
}
