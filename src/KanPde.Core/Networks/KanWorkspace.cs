using KanPde.Core.Derivatives;
using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

/// <summary>
/// The fast form of a <see cref="KanNetwork"/>'s sweeps over a block of points, for loss gradients.
/// Every channel is stored by point (structure of arrays), so the chain rule through an edge is a few
/// vector operations over the block. Each edge's spline is turned once per parameter vector into one
/// polynomial per knot interval; a point then costs a Horner evaluation of degree k, whatever G is, and
/// the reverse sweep gathers the gradient per interval before mapping it back onto the coefficients.
/// </summary>
/// <remarks>
/// <para>Data layout, for a block of n points, C channels (value, the first derivatives the problem needs, then its
/// second derivatives), layer l with in inputs and out outputs, K1 = k + 1 polynomial coefficients and NI knot
/// intervals (row NI of a table is the zero polynomial for points off the grid):</para>
/// <list type="bullet">
/// <item><c>_act[l][(i·C + c)·n + p]</c>: channel c of input i of layer l at point p (layer 0: the mapped variables).</item>
/// <item><c>_interval, _frac, _invWidth[l][i·n + p]</c>: where input i of point p falls: its interval j, the offset
/// f ∈ [0, 1) inside it and 1/width, from <see cref="Splines.IntervalPolynomials.LocateBlock"/>.</item>
/// <item><c>_poly[l][((i·out + o)·(NI + 1) + j)·K1 + q]</c>: coefficient of f^q of edge (i, o)'s spline on interval j,
/// rebuilt when the parameters change; <c>_polyGrad</c> accumulates the loss gradient in the same shape.</item>
/// <item><c>_silu[l][(i·4 + r)·n + p]</c> and <c>_spline[l][((i·out + o)·4 + r)·n + p]</c>: the r-th derivative of
/// silu and of the spline at the point; <c>_phi[r·n + p]</c> the edge's φ⁽ʳ⁾ = w_b·silu⁽ʳ⁾ + w_s·S⁽ʳ⁾.</item>
/// </list>
/// <para>Every inner loop therefore runs over p with unit stride. Jacobian rows come from the same sweeps
/// (<c>KanWorkspace.Rows.cs</c>). The per-point form (<see cref="KanPointwiseWorkspace"/>) computes the same channels
/// and rows from B-spline basis rows; tests compare the two value by value.</para>
/// </remarks>
internal sealed partial class KanWorkspace : INetworkWorkspace
{
    private const int Derivs = 4; // stored derivative orders 0..3

    private readonly KanNetwork _net;
    private readonly KanLayer[] _layers;
    private readonly int _c, _f, _s;
    private readonly int _forwardOrder;
    private readonly int[] _pairA, _pairB, _firstVariable;
    private readonly ChannelLayout _layout;
    private readonly double[] _cachedParameters;
    private bool _tablesValid;
    private readonly double[][] _poly;      // [layer][((i*out + o)*(NI+1) + j)*K1 + q]
    private readonly double[][] _polyGrad;  // same shape
    private readonly double[][] _act;       // [layer][(i*C + c)*n + p]
    private readonly int[][] _interval;     // [layer][i*n + p]
    private readonly double[][] _frac;      // [layer][i*n + p]
    private readonly double[][] _invWidth;  // [layer][i*n + p]
    private readonly double[][] _silu;      // [layer][(i*4 + r)*n + p]
    private readonly double[][] _spline;    // [layer][((i*out + o)*4 + r)*n + p]
    private readonly double[] _phi;         // [r*n + p], r = 0..3
    private readonly double[] _lambda;      // [r*n + p], r = 0..2
    private readonly double[] _pairProduct; // [s*n + p] = ∂_a x · ∂_b x of the current input
    private readonly double[] _adjA, _adjB; // [(node*C + c)*n + p]
    private readonly double[] _gradient;    // accumulated gradient of w_b and w_s (coefficients live in _polyGrad)
    private readonly int[][] _touchedLow, _touchedHigh; // [layer][i]: intervals with gradient since the last collection
    private int _count;

    public KanWorkspace(KanNetwork network, DerivativeSet derivatives, int blockSize)
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
        _cachedParameters = new double[network.ParameterCount];

        int layers = _layers.Length, n = blockSize, maxWidth = 1;
        _poly = new double[layers][];
        _polyGrad = new double[layers][];
        _act = new double[layers][];
        _interval = new int[layers][];
        _frac = new double[layers][];
        _invWidth = new double[layers][];
        _silu = new double[layers][];
        _spline = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            KanLayer layer = _layers[l];
            int nIn = layer.InputCount, nOut = layer.OutputCount, k1 = layer.Order + 1;
            int tableRows = layer.Polynomials[0].IntervalCount + 1;
            maxWidth = Math.Max(maxWidth, Math.Max(nIn, nOut));
            _poly[l] = new double[nIn * nOut * tableRows * k1];
            _polyGrad[l] = new double[nIn * nOut * tableRows * k1];
            _act[l] = new double[nIn * _c * n];
            _interval[l] = new int[nIn * n];
            _frac[l] = new double[nIn * n];
            _invWidth[l] = new double[nIn * n];
            _silu[l] = new double[nIn * Derivs * n];
            _spline[l] = new double[nIn * nOut * Derivs * n];
        }

        _gradient = new double[network.ParameterCount];
        _touchedLow = _layers.Select(layer => Enumerable.Repeat(int.MaxValue, layer.InputCount).ToArray()).ToArray();
        _touchedHigh = _layers.Select(layer => Enumerable.Repeat(-1, layer.InputCount).ToArray()).ToArray();
        _phi = new double[Derivs * n];
        _lambda = new double[3 * n];
        _pairProduct = new double[Math.Max(1, _s) * n];
        _adjA = new double[maxWidth * _c * n];
        _adjB = new double[maxWidth * _c * n];
        _rowOffsets = new int[layers];
        int maxWindow = 1;
        for (int l = 0; l < layers; l++)
        {
            _rowOffsets[l] = RowLength;
            RowLength += _layers[l].InputCount * _layers[l].OutputCount * (_layers[l].Order + 3);
            maxWindow = Math.Max(maxWindow, _layers[l].Order + 1);
        }

        _rowBasis = new double[RowOrders * maxWindow * n];
        _rowStart = new int[n];
    }

    public DerivativeSet Derivatives { get; }

    public int BlockSize { get; }

    public int RowLength { get; }

    public int RowGroupLength => _layers[0].Order + 3;

    /// <summary>After <see cref="Forward"/>: the value of input i of layer l at point p of the block.</summary>
    internal double LayerInput(int l, int i, int p) => _act[l][i * _c * _count + p];

    // Rebuilds the per-interval polynomials of every edge when the parameters changed:
    // A[i,o][j][q] = Σ_m c[i, j−k+m, o] · P_j[m][q], over the basis functions that exist.
    private void EnsureTables(ReadOnlySpan<double> parameters)
    {
        if (_tablesValid && parameters.SequenceEqual(_cachedParameters))
        {
            return;
        }

        parameters.CopyTo(_cachedParameters);
        for (int l = 0; l < _layers.Length; l++)
        {
            KanLayer layer = _layers[l];
            int nOut = layer.OutputCount, k = layer.Order, k1 = k + 1, bc = layer.BasisCount;
            for (int i = 0; i < layer.InputCount; i++)
            {
                IntervalPolynomials polys = layer.Polynomials[i];
                int rows = polys.IntervalCount + 1;
                for (int o = 0; o < nOut; o++)
                {
                    Span<double> table = _poly[l].AsSpan((i * nOut + o) * rows * k1, rows * k1);
                    table.Clear();
                    for (int j = 0; j < polys.IntervalCount; j++)
                    {
                        ReadOnlySpan<double> pieces = polys.Interval(j);
                        Span<double> target = table.Slice(j * k1, k1);
                        for (int m = 0; m < k1; m++)
                        {
                            int b = j - k + m;
                            if ((uint)b >= (uint)bc)
                            {
                                continue;
                            }

                            double c = parameters[layer.CoefficientIndex(i, b, o)];
                            for (int q = 0; q < k1; q++)
                            {
                                target[q] += c * pieces[m * k1 + q];
                            }
                        }
                    }
                }
            }
        }

        _tablesValid = true;
    }
}
