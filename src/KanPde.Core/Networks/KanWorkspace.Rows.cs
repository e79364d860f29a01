using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

/// <summary>
/// Sparse Jacobian rows from the blocked sweeps: the reverse sweep of <see cref="Backward"/>, whose adjoints are
/// per point already, with each point's derivatives written to its own row instead of summed over the block.
/// A point's B-spline basis values come from its interval's polynomial (the interval and offset the forward
/// sweep found), once per input for all the input's edges; nothing of the forward sweep is recomputed.
/// </summary>
/// <remarks>
/// Row layout, as <see cref="KanPointwiseWorkspace"/> writes it (a test compares the two): the layers first to
/// last, in each the edges (i, o) with o innermost, each edge's group the k+1 coefficients of the point's
/// window (its start clamped to the grid as <see cref="BSplineBasis.Evaluate"/> does, the basis functions
/// that do not exist given zero), then w_b, then w_s.
/// </remarks>
internal sealed partial class KanWorkspace
{
    private const int RowOrders = 3; // derivative orders of the basis that enter a row (λ0, λ1, λ2)

    private readonly int[] _rowOffsets;   // [layer] first entry of the layer in a Jacobian row
    private readonly double[] _rowBasis;  // [(r * K1 + m) * n + p]: dʳ/dxʳ of window basis m of the current input
    private readonly int[] _rowStart;     // [p]: first coefficient of the current input's window

    public void JacobianRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> weights, Span<int> indices, Span<double> values)
    {
        int n = _count;
        if (indices.Length < n * RowLength || values.Length < n * RowLength || weights.Length < n * _c)
        {
            throw new ArgumentException("Row buffers too short.");
        }

        if (parameters.Length != _net.ParameterCount)
        {
            throw new ArgumentException("Parameter vector of the wrong length.", nameof(parameters));
        }

        ReadOnlySpan<double> adjOut = weights[..(_c * n)];
        bool useA = true;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            Span<double> adjIn = l > 0 ? (useA ? _adjA : _adjB).AsSpan(0, _layers[l].InputCount * _c * n) : default;
            RowsLayer(parameters, l, adjOut, adjIn, indices, values);
            adjOut = adjIn;
            useA = !useA;
        }
    }

    // Layer l's groups of every row, and (l > 0) the adjoints of its inputs: BackwardLayer, written per point.
    private void RowsLayer(ReadOnlySpan<double> parameters, int l, ReadOnlySpan<double> adjOut, Span<double> adjIn, Span<int> indices, Span<double> values)
    {
        KanLayer layer = _layers[l];
        int n = _count, nIn = layer.InputCount, nOut = layer.OutputCount, group = layer.Order + 3;
        adjIn.Clear();
        for (int i = 0; i < nIn; i++)
        {
            ReadOnlySpan<double> a = _act[l].AsSpan(i * _c * n, _c * n);
            ReadOnlySpan<double> silu = _silu[l].AsSpan(i * Derivs * n, Derivs * n);
            RowBasis(l, i);
            if (_s > 0)
            {
                PairProducts(l, i);
            }

            for (int o = 0; o < nOut; o++)
            {
                ReadOnlySpan<double> bar = adjOut.Slice(o * _c * n, _c * n);
                ReadOnlySpan<double> spline = _spline[l].AsSpan((i * nOut + o) * Derivs * n, Derivs * n);
                EdgeLambdas(l, i, a, bar);
                double wb = parameters[layer.BaseWeightIndex(i, o)], ws = parameters[layer.SplineScaleIndex(i, o)];
                WriteEdgeRows(layer, i, o, ws, silu, spline, _rowOffsets[l] + (i * nOut + o) * group, indices, values);
                if (l > 0)
                {
                    InputAdjoints(l, i, wb, ws, silu, spline, bar, adjIn.Slice(i * _c * n, _c * n));
                }
            }
        }
    }

    // The window of input i of layer l at every point of the block: _rowStart and _rowBasis.
    private void RowBasis(int l, int i)
    {
        KanLayer layer = _layers[l];
        IntervalPolynomials polys = layer.Polynomials[i];
        int n = _count, k = layer.Order, k1 = k + 1, outside = polys.IntervalCount, lastStart = layer.Intervals - 1;
        ReadOnlySpan<int> interval = _interval[l].AsSpan(i * n, n);
        ReadOnlySpan<double> frac = _frac[l].AsSpan(i * n, n), invWidth = _invWidth[l].AsSpan(i * n, n);
        int p = k1 == 4 && polys.IsUniform ? RowBasisUniformCubic(polys.Interval(0), frac, invWidth) : 0;
        for (; p < n; p++)
        {
            RowBasisPoint(polys, k, interval[p], frac[p], invWidth[p], p);
        }

        for (p = 0; p < n; p++)
        {
            int j = interval[p], first = j - k;
            int start = j == outside ? 0 : Math.Clamp(first, 0, lastStart);
            _rowStart[p] = start;
            if (j != outside && start != first)
            {
                ShiftRowBasis(p, k1, first, start, layer.BasisCount);
            }
        }
    }

    // Basis values of one point on interval j (offset f, h = 1/width) by Horner on the interval's polynomials;
    // zero off the knots.
    private void RowBasisPoint(IntervalPolynomials polys, int k, int j, double f, double h, int p)
    {
        int n = _count, k1 = k + 1;
        if (j == polys.IntervalCount)
        {
            for (int e = 0; e < RowOrders * k1; e++)
            {
                _rowBasis[e * n + p] = 0;
            }

            return;
        }

        ReadOnlySpan<double> pieces = polys.Interval(j);
        if (k == 3)
        {
            for (int m = 0; m < 4; m++)
            {
                // the arithmetic of RowBasisUniformCubic, so that a point's row does not depend on its place in the block
                double c0 = pieces[m * 4], c1 = pieces[m * 4 + 1], c2 = pieces[m * 4 + 2], c3 = pieces[m * 4 + 3];
                _rowBasis[m * n + p] = ((c3 * f + c2) * f + c1) * f + c0;
                _rowBasis[(4 + m) * n + p] = ((3.0 * c3 * f + 2.0 * c2) * f + c1) * h;
                _rowBasis[(8 + m) * n + p] = (6.0 * c3 * f + 2.0 * c2) * h * h;
            }

            return;
        }

        for (int m = 0; m < k1; m++)
        {
            ReadOnlySpan<double> c = pieces.Slice(m * k1, k1);
            double p0 = c[k], p1 = 0, p2 = 0;
            for (int q = k - 1; q >= 0; q--)
            {
                p2 = p2 * f + p1;
                p1 = p1 * f + p0;
                p0 = p0 * f + c[q];
            }

            _rowBasis[m * n + p] = p0;
            _rowBasis[(k1 + m) * n + p] = p1 * h;
            _rowBasis[(2 * k1 + m) * n + p] = 2 * p2 * h * h;
        }
    }

    // Uniform cubic knots, four points at a time: every interval has the same four polynomials. Points off
    // the knots get zeros (their inverse width is 0). Returns the points done.
    private int RowBasisUniformCubic(ReadOnlySpan<double> pieces, ReadOnlySpan<double> frac, ReadOnlySpan<double> invWidth)
    {
        int n = _count, p = 0;
        ref double basis = ref MemoryMarshal.GetArrayDataReference(_rowBasis);
        for (; p + 4 <= n; p += 4)
        {
            Vector256<double> f = Vector256.Create(frac.Slice(p, 4)), h = Vector256.Create(invWidth.Slice(p, 4));
            Vector256<double> on = ~Vector256.Equals(h, Vector256<double>.Zero);
            for (int m = 0; m < 4; m++)
            {
                Vector256<double> c0 = Vector256.Create(pieces[m * 4]), c1 = Vector256.Create(pieces[m * 4 + 1]);
                Vector256<double> c2 = Vector256.Create(pieces[m * 4 + 2]), c3 = Vector256.Create(pieces[m * 4 + 3]);
                Vector256<double> v0 = (((c3 * f + c2) * f + c1) * f + c0) & on;
                Vector256<double> v1 = ((3.0 * c3 * f + 2.0 * c2) * f + c1) * h;
                Vector256<double> v2 = (6.0 * c3 * f + 2.0 * c2) * h * h;
                v0.StoreUnsafe(ref Unsafe.Add(ref basis, m * n + p));
                v1.StoreUnsafe(ref Unsafe.Add(ref basis, (4 + m) * n + p));
                v2.StoreUnsafe(ref Unsafe.Add(ref basis, (8 + m) * n + p));
            }
        }

        return p;
    }

    // Moves point p's values of basis functions first … first+k into the window start … start+k, dropping the
    // ones that do not exist (index < 0 or ≥ basisCount) and zero-filling the rest (BSplineBasis.ShiftWindow).
    private void ShiftRowBasis(int p, int k1, int first, int start, int basisCount)
    {
        int n = _count;
        Span<double> row = stackalloc double[k1];
        for (int r = 0; r < RowOrders; r++)
        {
            for (int m = 0; m < k1; m++)
            {
                row[m] = _rowBasis[(r * k1 + m) * n + p];
                _rowBasis[(r * k1 + m) * n + p] = 0;
            }

            for (int m = 0; m < k1; m++)
            {
                int b = first + m, target = b - start;
                if (b >= 0 && b < basisCount && (uint)target < (uint)k1)
                {
                    _rowBasis[(r * k1 + target) * n + p] = row[m];
                }
            }
        }
    }

    // Edge (i, o)'s group of every row, from column `column` of the row: coefficient m of the window gets
    // w_s·Σ_r λ_r·B_m⁽ʳ⁾, w_b gets Σ_r λ_r·silu⁽ʳ⁾, w_s gets Σ_r λ_r·S⁽ʳ⁾ (the λ_r in _lambda).
    private void WriteEdgeRows(KanLayer layer, int i, int o, double ws, ReadOnlySpan<double> silu, ReadOnlySpan<double> spline,
        int column, Span<int> indices, Span<double> values)
    {
        int n = _count, k1 = layer.Order + 1, length = RowLength, order = _forwardOrder;
        int coefficients = layer.CoefficientIndex(i, 0, o), wbIndex = layer.BaseWeightIndex(i, o), wsIndex = layer.SplineScaleIndex(i, o);
        ReadOnlySpan<double> l0 = _lambda.AsSpan(0, n), l1 = _lambda.AsSpan(n, n), l2 = _lambda.AsSpan(2 * n, n);
        ReadOnlySpan<double> basis = _rowBasis;
        int p = k1 == 4 && Avx.IsSupported ? WriteCubicRows(ws, silu, spline, coefficients, wbIndex, wsIndex, column, indices, values) : 0;
        for (; p < n; p++)
        {
            int row = p * length + column, start = coefficients + _rowStart[p];
            double a0 = l0[p], a1 = l1[p], a2 = l2[p];
            for (int m = 0; m < k1; m++)
            {
                indices[row + m] = start + m;
                values[row + m] = ws * (a0 * basis[m * n + p] + a1 * basis[(k1 + m) * n + p] + a2 * basis[(2 * k1 + m) * n + p]);
            }

            // the derivatives the forward sweep did not compute are not read (their λ are zero)
            double b1 = order >= 1 ? silu[n + p] : 0, b2 = order >= 2 ? silu[2 * n + p] : 0;
            double s1 = order >= 1 ? spline[n + p] : 0, s2 = order >= 2 ? spline[2 * n + p] : 0;
            indices[row + k1] = wbIndex;
            values[row + k1] = a0 * silu[p] + a1 * b1 + a2 * b2;
            indices[row + k1 + 1] = wsIndex;
            values[row + k1 + 1] = a0 * spline[p] + a1 * s1 + a2 * s2;
        }
    }

    // WriteEdgeRows for cubic edges, four points at a time with the same arithmetic: the four coefficient
    // entries of four points are formed as one vector per basis function and transposed into one per point.
    // Every derivative it reads was computed by the forward sweep (cubic edges compute all of them). Returns
    // the points done.
    private int WriteCubicRows(double ws, ReadOnlySpan<double> silu, ReadOnlySpan<double> spline,
        int coefficients, int wbIndex, int wsIndex, int column, Span<int> indices, Span<double> values)
    {
        int n = _count, length = RowLength, p = 0;
        ref double l0 = ref MemoryMarshal.GetArrayDataReference(_lambda);
        ref double l1 = ref Unsafe.Add(ref l0, n);
        ref double l2 = ref Unsafe.Add(ref l1, n);
        ref double b = ref MemoryMarshal.GetArrayDataReference(_rowBasis);
        ref double e0 = ref MemoryMarshal.GetReference(silu);
        ref double t0 = ref MemoryMarshal.GetReference(spline);
        ref double v = ref MemoryMarshal.GetReference(values);
        ref int x = ref MemoryMarshal.GetReference(indices);
        if (values.Length < (n - 1) * length + column + 6 || indices.Length < (n - 1) * length + column + 6 || silu.Length < 3 * n || spline.Length < 3 * n)
        {
            throw new ArgumentException("Row buffers too short.");
        }

        Vector128<int> ramp = Vector128.Create(0, 1, 2, 3);
        for (; p + 4 <= n; p += 4)
        {
            Vector256<double> a0 = Vector256.LoadUnsafe(ref l0, (nuint)p), a1 = Vector256.LoadUnsafe(ref l1, (nuint)p), a2 = Vector256.LoadUnsafe(ref l2, (nuint)p);
            Vector256<double> c0 = ws * (a0 * Load(ref b, p) + a1 * Load(ref b, 4 * n + p) + a2 * Load(ref b, 8 * n + p));
            Vector256<double> c1 = ws * (a0 * Load(ref b, n + p) + a1 * Load(ref b, 5 * n + p) + a2 * Load(ref b, 9 * n + p));
            Vector256<double> c2 = ws * (a0 * Load(ref b, 2 * n + p) + a1 * Load(ref b, 6 * n + p) + a2 * Load(ref b, 10 * n + p));
            Vector256<double> c3 = ws * (a0 * Load(ref b, 3 * n + p) + a1 * Load(ref b, 7 * n + p) + a2 * Load(ref b, 11 * n + p));
            (Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3) = Transpose(c0, c1, c2, c3);
            Vector256<double> gb = a0 * Load(ref e0, p) + a1 * Load(ref e0, n + p) + a2 * Load(ref e0, 2 * n + p);
            Vector256<double> gs = a0 * Load(ref t0, p) + a1 * Load(ref t0, n + p) + a2 * Load(ref t0, 2 * n + p);
            Vector256<double> even = Avx.UnpackLow(gb, gs), odd = Avx.UnpackHigh(gb, gs); // (gb, gs) of points 0, 2 and 1, 3
            int row = p * length + column;
            Store(ref v, ref x, row, r0, even.GetLower(), Vector128.Create(coefficients + _rowStart[p]) + ramp, wbIndex, wsIndex);
            Store(ref v, ref x, row + length, r1, odd.GetLower(), Vector128.Create(coefficients + _rowStart[p + 1]) + ramp, wbIndex, wsIndex);
            Store(ref v, ref x, row + 2 * length, r2, even.GetUpper(), Vector128.Create(coefficients + _rowStart[p + 2]) + ramp, wbIndex, wsIndex);
            Store(ref v, ref x, row + 3 * length, r3, odd.GetUpper(), Vector128.Create(coefficients + _rowStart[p + 3]) + ramp, wbIndex, wsIndex);
        }

        return p;

        static Vector256<double> Load(ref double source, int offset) => Vector256.LoadUnsafe(ref source, (nuint)offset);

        static void Store(ref double values, ref int indices, int at, Vector256<double> window, Vector128<double> weights, Vector128<int> columns, int wbIndex, int wsIndex)
        {
            window.StoreUnsafe(ref values, (nuint)at);
            weights.StoreUnsafe(ref values, (nuint)(at + 4));
            columns.StoreUnsafe(ref indices, (nuint)at);
            Unsafe.Add(ref indices, at + 4) = wbIndex;
            Unsafe.Add(ref indices, at + 5) = wsIndex;
        }
    }
}
