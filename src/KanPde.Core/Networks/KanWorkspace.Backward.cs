using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KanPde.Core.Splines;

using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Networks;

internal sealed partial class KanWorkspace
{
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints)
    {
        if (adjoints.Length < _count * _c)
        {
            throw new ArgumentException("Adjoint buffer too short.", nameof(adjoints));
        }

        Span<double> gradient = _gradient;
        int n = _count;
        ReadOnlySpan<double> adjOut = adjoints[..(_c * n)];
        bool useA = true;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            Span<double> adjIn = l > 0 ? (useA ? _adjA : _adjB).AsSpan(0, _layers[l].InputCount * _c * n) : default;
            BackwardLayer(parameters, l, adjOut, adjIn, gradient);
            adjOut = adjIn;
            useA = !useA;
        }
    }

    private void BackwardLayer(ReadOnlySpan<double> parameters, int l, ReadOnlySpan<double> adjOut, Span<double> adjIn, Span<double> gradient)
    {
        KanLayer layer = _layers[l];
        int n = _count, nIn = layer.InputCount, nOut = layer.OutputCount, k1 = layer.Order + 1;
        int order = _forwardOrder;
        bool needInputs = l > 0;
        adjIn.Clear();
        Span<double> polyGrad = _polyGrad[l];
        Span<double> l0 = _lambda.AsSpan(0, n), l1 = _lambda.AsSpan(n, n), l2 = _lambda.AsSpan(2 * n, n);
        for (int i = 0; i < nIn; i++)
        {
            ReadOnlySpan<double> a = _act[l].AsSpan(i * _c * n, _c * n);
            ReadOnlySpan<double> silu = _silu[l].AsSpan(i * Derivs * n, Derivs * n);
            int rows = layer.Polynomials[i].IntervalCount + 1;
            if (_s > 0)
            {
                PairProducts(l, i);
            }

            for (int o = 0; o < nOut; o++)
            {
                ReadOnlySpan<double> bar = adjOut.Slice(o * _c * n, _c * n);
                ReadOnlySpan<double> spline = _spline[l].AsSpan((i * nOut + o) * Derivs * n, Derivs * n);
                // λ_r: adjoint of φ⁽ʳ⁾ of this edge at each point.
                bar[..n].CopyTo(l0);
                l1.Clear();
                l2.Clear();
                for (int f = 1; f <= _f; f++)
                {
                    if (l > 0 || _firstVariable[f - 1] == i)
                    {
                        TensorPrimitives.FusedMultiplyAdd(bar.Slice(f * n, n), a.Slice(f * n, n), l1, l1);
                    }
                }

                for (int s = 0; s < _s; s++)
                {
                    ReadOnlySpan<double> hb = bar.Slice((1 + _f + s) * n, n);
                    if (l > 0)
                    {
                        TensorPrimitives.FusedMultiplyAdd(hb, a.Slice((1 + _f + s) * n, n), l1, l1);
                    }

                    TensorPrimitives.FusedMultiplyAdd(hb, _pairProduct.AsSpan(s * n, n), l2, l2);
                }

                double gb = 0, gs = 0;
                for (int r = 0; r <= order; r++)
                {
                    ReadOnlySpan<double> lr = _lambda.AsSpan(r * n, n);
                    gb += Reduction.Dot(lr, silu.Slice(r * n, n));
                    gs += Reduction.Dot(lr, spline.Slice(r * n, n));
                }

                int wbIndex = layer.BaseWeightIndex(i, o), wsIndex = layer.SplineScaleIndex(i, o);
                gradient[wbIndex] += gb;
                gradient[wsIndex] += gs;
                double wb = parameters[wbIndex], ws = parameters[wsIndex];
                ScatterPolynomialGradient(polyGrad.Slice((i * nOut + o) * rows * k1, rows * k1), k1, l, i, order, ws, rows - 1);
                if (needInputs)
                {
                    InputAdjoints(l, i, wb, ws, silu, spline, bar, adjIn.Slice(i * _c * n, _c * n));
                }
            }
        }
    }

    public void CollectGradient(Span<double> gradient)
    {
        if (gradient.Length != _net.ParameterCount)
        {
            throw new ArgumentException("Gradient of the wrong length.", nameof(gradient));
        }

        for (int l = 0; l < _layers.Length; l++)
        {
            MapPolynomialGradient(l, gradient);
        }

        TensorPrimitives.Add(gradient, _gradient, gradient);
        Array.Clear(_gradient);
    }

    // ∂S⁽ʳ⁾/∂A_q = q!/(q−r)!·f^{q−r}·h⁻ʳ: polyGrad[j][q] += w_s·Σ_r λ_r·∂S⁽ʳ⁾/∂A_q for each point on interval j.
    private void ScatterPolynomialGradient(Span<double> polyGrad, int k1, int l, int i, int order, double ws, int outside)
    {
        int n = _count;
        ReadOnlySpan<int> interval = _interval[l].AsSpan(i * n, n);
        ReadOnlySpan<double> frac = _frac[l].AsSpan(i * n, n), invWidth = _invWidth[l].AsSpan(i * n, n);
        ReadOnlySpan<double> l0 = _lambda.AsSpan(0, n), l1 = _lambda.AsSpan(n, n), l2 = _lambda.AsSpan(2 * n, n);
        ref int low = ref _touchedLow[l][i];
        ref int high = ref _touchedHigh[l][i];
        if (k1 == 4)
        {
            ScatterCubic(polyGrad, interval, frac, invWidth, order, ws, outside, ref low, ref high);
            return;
        }

        for (int p = 0; p < n; p++)
        {
            int j = interval[p];
            if (j == outside)
            {
                continue;
            }

            low = Math.Min(low, j);
            high = Math.Max(high, j);
            double f = frac[p], h = invWidth[p];
            double a0 = ws * l0[p];
            double a1 = order >= 1 ? ws * l1[p] * h : 0;
            double a2 = order >= 2 ? ws * l2[p] * h * h : 0;
            Span<double> target = polyGrad.Slice(j * k1, k1);
            // monomials f^q, q·f^(q−1), q(q−1)·f^(q−2), built upward
            double pw = 1, pw1 = 0, pw2 = 0;
            for (int q = 0; q < k1; q++)
            {
                target[q] += a0 * pw + a1 * pw1 + a2 * pw2;
                pw2 = pw2 * f + 2 * pw1;
                pw1 = pw1 * f + pw;
                pw *= f;
            }
        }
    }

    // The cubic case unrolled: Σ_r λ_r·dʳ/dxʳ f^q for q = 0..3.
    private void ScatterCubic(Span<double> polyGrad, ReadOnlySpan<int> interval, ReadOnlySpan<double> frac, ReadOnlySpan<double> invWidth,
        int order, double ws, int outside, ref int low, ref int high)
    {
        int n = _count;
        ReadOnlySpan<double> l0 = _lambda.AsSpan(0, n), l1 = _lambda.AsSpan(n, n), l2 = _lambda.AsSpan(2 * n, n);
        double w1 = order >= 1 ? ws : 0, w2 = order >= 2 ? ws : 0; // λ1, λ2 are zero below that order
        ref double g = ref MemoryMarshal.GetReference(polyGrad);
        int rows = polyGrad.Length / 4;
        // Neighbouring points mostly share an interval: sum in registers and write once per run.
        int current = outside;
        double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        int p = 0;
        if (Avx.IsSupported)
        {
            p = ScatterCubicVector(polyGrad, interval, frac, invWidth, w1, w2, ws, outside, ref low, ref high);
        }

        for (; p < n; p++)
        {
            int j = interval[p];
            if (j != current)
            {
                Flush(ref g, current, outside, g0, g1, g2, g3);
                g0 = g1 = g2 = g3 = 0;
                current = j;
                if (j == outside)
                {
                    continue;
                }

                if ((uint)j >= (uint)rows)
                {
                    throw new IndexOutOfRangeException();
                }

                low = Math.Min(low, j);
                high = Math.Max(high, j);
            }
            else if (j == outside)
            {
                continue;
            }

            double f = frac[p], h = invWidth[p];
            double a0 = ws * l0[p], a1 = w1 * l1[p] * h, a2 = w2 * l2[p] * h * h;
            g0 += a0;
            g1 += a0 * f + a1;
            g2 += (a0 * f + 2 * a1) * f + 2 * a2;
            g3 += ((a0 * f + 3 * a1) * f + 6 * a2) * f;
        }

        Flush(ref g, current, outside, g0, g1, g2, g3);

        static void Flush(ref double g, int j, int outside, double g0, double g1, double g2, double g3)
        {
            if (j == outside)
            {
                return;
            }

            ref double t = ref Unsafe.Add(ref g, j * 4);
            t += g0;
            Unsafe.Add(ref t, 1) += g1;
            Unsafe.Add(ref t, 2) += g2;
            Unsafe.Add(ref t, 3) += g3;
        }
    }

    // ScatterCubic four points at a time: the contributions of four points are formed as one vector per
    // power of f, transposed into one vector per point, and summed in a register while points share an
    // interval. Points off the knots contribute zero (their inverse width is 0). Returns the points done.
    private int ScatterCubicVector(Span<double> polyGrad, ReadOnlySpan<int> interval, ReadOnlySpan<double> frac,
        ReadOnlySpan<double> invWidth, double w1, double w2, double ws, int outside, ref int low, ref int high)
    {
        int n = _count, rows = polyGrad.Length / 4, p = 0;
        ReadOnlySpan<double> l0 = _lambda.AsSpan(0, n), l1 = _lambda.AsSpan(n, n), l2 = _lambda.AsSpan(2 * n, n);
        ref double g = ref MemoryMarshal.GetReference(polyGrad);
        int pendingRow = -1;
        Vector256<double> pending = Vector256<double>.Zero;
        Span<Vector256<double>> point = stackalloc Vector256<double>[4];
        for (; p + 4 <= n; p += 4)
        {
            Vector256<double> f = Vector256.Create(frac.Slice(p, 4)), h = Vector256.Create(invWidth.Slice(p, 4));
            Vector256<double> on = ~Vector256.Equals(h, Vector256<double>.Zero);
            Vector256<double> a0 = (ws * Vector256.Create(l0.Slice(p, 4))) & on;
            Vector256<double> a1 = w1 * Vector256.Create(l1.Slice(p, 4)) * h;
            Vector256<double> a2 = w2 * Vector256.Create(l2.Slice(p, 4)) * h * h;
            Vector256<double> q0 = a0, q1 = a0 * f + a1;
            Vector256<double> q2 = (a0 * f + 2.0 * a1) * f + 2.0 * a2;
            Vector256<double> q3 = ((a0 * f + 3.0 * a1) * f + 6.0 * a2) * f;
            Vector256<double> lo01 = Avx.UnpackLow(q0, q1), hi01 = Avx.UnpackHigh(q0, q1);
            Vector256<double> lo23 = Avx.UnpackLow(q2, q3), hi23 = Avx.UnpackHigh(q2, q3);
            point[0] = Avx.Permute2x128(lo01, lo23, 0x20);
            point[1] = Avx.Permute2x128(hi01, hi23, 0x20);
            point[2] = Avx.Permute2x128(lo01, lo23, 0x31);
            point[3] = Avx.Permute2x128(hi01, hi23, 0x31);
            for (int k = 0; k < 4; k++)
            {
                int j = interval[p + k];
                if (j == outside)
                {
                    continue;
                }

                if (j == pendingRow)
                {
                    pending += point[k];
                    continue;
                }

                if ((uint)j >= (uint)rows)
                {
                    throw new IndexOutOfRangeException();
                }

                if (pendingRow >= 0)
                {
                    ref double t = ref Unsafe.Add(ref g, pendingRow * 4);
                    (Vector256.LoadUnsafe(ref t) + pending).StoreUnsafe(ref t);
                }

                pendingRow = j;
                pending = point[k];
                low = Math.Min(low, j);
                high = Math.Max(high, j);
            }
        }

        if (pendingRow >= 0)
        {
            ref double t = ref Unsafe.Add(ref g, pendingRow * 4);
            (Vector256.LoadUnsafe(ref t) + pending).StoreUnsafe(ref t);
        }

        return p;
    }

    // gradient[c(i, j−k+m, o)] += Σ_q P_j[m][q] · polyGrad[i,o][j][q] over the intervals touched since
    // the last collection, which are then cleared.
    private void MapPolynomialGradient(int l, Span<double> gradient)
    {
        KanLayer layer = _layers[l];
        int nOut = layer.OutputCount, k = layer.Order, k1 = k + 1, bc = layer.BasisCount;
        for (int i = 0; i < layer.InputCount; i++)
        {
            IntervalPolynomials polys = layer.Polynomials[i];
            int rows = polys.IntervalCount + 1;
            int low = _touchedLow[l][i], high = _touchedHigh[l][i];
            _touchedLow[l][i] = int.MaxValue;
            _touchedHigh[l][i] = -1;
            for (int o = 0; o < nOut; o++)
            {
                Span<double> g = _polyGrad[l].AsSpan((i * nOut + o) * rows * k1, rows * k1);
                if (k1 == 4 && polys.IsUniform && high >= low)
                {
                    MapUniformCubic(g, polys.Interval(0), low, high, bc, gradient.Slice(layer.CoefficientIndex(i, 0, o), bc));
                    g.Slice(low * k1, (high - low + 1) * k1).Clear();
                    continue;
                }

                for (int j = low; j <= high; j++)
                {
                    Span<double> gj = g.Slice(j * k1, k1);
                    ReadOnlySpan<double> pieces = polys.Interval(j);
                    for (int m = 0; m < k1; m++)
                    {
                        int b = j - k + m;
                        if ((uint)b < (uint)bc)
                        {
                            ReadOnlySpan<double> piece = pieces.Slice(m * k1, k1);
                            double sum = 0;
                            for (int q = 0; q < k1; q++)
                            {
                                sum += piece[q] * gj[q];
                            }

                            gradient[layer.CoefficientIndex(i, b, o)] += sum;
                        }
                    }
                }

                if (high >= low)
                {
                    g.Slice(low * k1, (high - low + 1) * k1).Clear();
                }
            }
        }
    }

    // Uniform cubic case: interval j's four polynomial gradients g map onto coefficients j−3 … j through the
    // same 4×4 table P: coefficient (j−3+m) += Σ_q P[m][q]·g[q], as four vector multiply-adds.
    private static void MapUniformCubic(ReadOnlySpan<double> g, ReadOnlySpan<double> pieces, int low, int high, int basisCount, Span<double> coefficients)
    {
        Vector256<double> p0 = Vector256.Create(pieces[0], pieces[4], pieces[8], pieces[12]);
        Vector256<double> p1 = Vector256.Create(pieces[1], pieces[5], pieces[9], pieces[13]);
        Vector256<double> p2 = Vector256.Create(pieces[2], pieces[6], pieces[10], pieces[14]);
        Vector256<double> p3 = Vector256.Create(pieces[3], pieces[7], pieces[11], pieces[15]);
        Span<double> sums = stackalloc double[4];
        for (int j = low; j <= high; j++)
        {
            ReadOnlySpan<double> gj = g.Slice(j * 4, 4);
            Vector256<double> r = p0 * gj[0] + p1 * gj[1] + p2 * gj[2] + p3 * gj[3];
            int first = j - 3;
            if (first >= 0 && j < basisCount)
            {
                Span<double> target = coefficients.Slice(first, 4);
                (Vector256.Create(target) + r).CopyTo(target);
                continue;
            }

            r.CopyTo(sums);
            for (int m = 0; m < 4; m++)
            {
                int b = first + m;
                if ((uint)b < (uint)basisCount)
                {
                    coefficients[b] += sums[m];
                }
            }
        }
    }

    // Adjoints of input i's channels from edge (i, o):
    // value += λ0·φ1 + λ1·φ2 + λ2·φ3; first_f += φ1·ḡ_f; for s = (a, b): first_a += h̄_s·φ2·∂_b x,
    // first_b += h̄_s·φ2·∂_a x; second_s += φ1·h̄_s.
    private void InputAdjoints(int l, int i, double wb, double ws, ReadOnlySpan<double> silu, ReadOnlySpan<double> spline,
        ReadOnlySpan<double> bar, Span<double> adj)
    {
        int n = _count, top = _forwardOrder + 1;
        ReadOnlySpan<double> a = _act[l].AsSpan(i * _c * n, _c * n);
        for (int r = 1; r <= top; r++)
        {
            Span<double> phi = _phi.AsSpan(r * n, n);
            TensorPrimitives.Multiply(silu.Slice(r * n, n), wb, phi);
            TensorPrimitives.FusedMultiplyAdd(spline.Slice(r * n, n), ws, phi, phi);
        }

        ReadOnlySpan<double> phi1 = _phi.AsSpan(n, n), phi2 = _phi.AsSpan(2 * n, n);
        Span<double> value = adj[..n];
        for (int r = 0; r < top; r++)
        {
            TensorPrimitives.FusedMultiplyAdd(_lambda.AsSpan(r * n, n), _phi.AsSpan((r + 1) * n, n), value, value);
        }

        for (int f = 1; f <= _f; f++)
        {
            Span<double> t = adj.Slice(f * n, n);
            TensorPrimitives.FusedMultiplyAdd(phi1, bar.Slice(f * n, n), t, t);
        }

        Span<double> tmp = _phi.AsSpan(0, n); // φ0 is not needed here
        for (int s = 0; s < _s; s++)
        {
            int ch = 1 + _f + s;
            ReadOnlySpan<double> hb = bar.Slice(ch * n, n);
            TensorPrimitives.Multiply(hb, phi2, tmp);
            Span<double> ta = adj.Slice((1 + _pairA[s]) * n, n), tb = adj.Slice((1 + _pairB[s]) * n, n);
            TensorPrimitives.FusedMultiplyAdd(tmp, a.Slice((1 + _pairB[s]) * n, n), ta, ta);
            TensorPrimitives.FusedMultiplyAdd(tmp, a.Slice((1 + _pairA[s]) * n, n), tb, tb);
            Span<double> t = adj.Slice(ch * n, n);
            TensorPrimitives.FusedMultiplyAdd(phi1, hb, t, t);
        }
    }
}
