using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

internal sealed partial class KanWorkspace
{
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

        EnsureTables(parameters);
        _count = count;

        _layout.WriteInputs(inputs, count, _act[0]); // layer 0's inputs: x̂ with ∂x̂_i/∂x_i = 1/halfWidth

        for (int l = 0; l < _layers.Length; l++)
        {
            Span<double> next = l + 1 < _layers.Length
                ? _act[l + 1].AsSpan(0, _layers[l].OutputCount * _c * count)
                : channels[..(_c * count)];
            ForwardLayer(parameters, l, next);
        }
    }

    private void ForwardLayer(ReadOnlySpan<double> parameters, int l, Span<double> next)
    {
        KanLayer layer = _layers[l];
        int n = _count, nIn = layer.InputCount, nOut = layer.OutputCount, k1 = layer.Order + 1;
        int order = l == 0 ? _forwardOrder : _forwardOrder + 1;
        next.Clear();
        for (int i = 0; i < nIn; i++)
        {
            ReadOnlySpan<double> x = _act[l].AsSpan(i * _c * n, n);
            Span<int> interval = _interval[l].AsSpan(i * n, n);
            Span<double> frac = _frac[l].AsSpan(i * n, n);
            Span<double> invWidth = _invWidth[l].AsSpan(i * n, n);
            IntervalPolynomials polys = layer.Polynomials[i];
            int outside = polys.IntervalCount;
            polys.LocateBlock(x, interval, frac, invWidth);

            Span<double> silu = _silu[l].AsSpan(i * Derivs * n, Derivs * n);
            ActivationBlock.Evaluate(Activation.Silu, x, silu[..(Derivs * n)]);
            if (_s > 0)
            {
                PairProducts(l, i);
            }

            int rows = outside + 1;

            for (int o = 0; o < nOut; o++)
            {
                ReadOnlySpan<double> table = _poly[l].AsSpan((i * nOut + o) * rows * k1, rows * k1);
                Span<double> spline = _spline[l].AsSpan((i * nOut + o) * Derivs * n, Derivs * n);
                double wb = parameters[layer.BaseWeightIndex(i, o)], ws = parameters[layer.SplineScaleIndex(i, o)];
                if (k1 == 4)
                {
                    CubicBlock(table, interval, frac, invWidth, spline, silu, wb, ws, _phi, n);
                }
                else
                {
                    SplineBlock(table, k1, interval, frac, invWidth, order, spline, n);
                    for (int r = 0; r <= Math.Min(order, _forwardOrder); r++)
                    {
                        Span<double> phi = _phi.AsSpan(r * n, n);
                        TensorPrimitives.Multiply(silu.Slice(r * n, n), wb, phi);
                        TensorPrimitives.FusedMultiplyAdd(spline.Slice(r * n, n), ws, phi, phi);
                    }
                }

                ChainRule(l, i, next.Slice(o * _c * n, _c * n));
            }
        }
    }

    // target channels of output o += φ pushed through input i's channels:
    // value += φ0; first_f += φ1·∂_f a; second_s += φ2·∂_a a·∂_b a + φ1·∂²_s a.
    private void ChainRule(int l, int i, Span<double> target)
    {
        int n = _count;
        ReadOnlySpan<double> a = _act[l].AsSpan(i * _c * n, _c * n);
        ReadOnlySpan<double> phi0 = _phi.AsSpan(0, n), phi1 = _phi.AsSpan(n, n), phi2 = _phi.AsSpan(2 * n, n);
        Span<double> value = target[..n];
        TensorPrimitives.Add(value, phi0, value);
        for (int f = 1; f <= _f; f++)
        {
            if (l == 0 && _firstVariable[f - 1] != i)
            {
                continue; // ∂x̂_i/∂x_v = 0
            }

            Span<double> t = target.Slice(f * n, n);
            TensorPrimitives.FusedMultiplyAdd(phi1, a.Slice(f * n, n), t, t);
        }

        for (int s = 0; s < _s; s++)
        {
            Span<double> t = target.Slice((1 + _f + s) * n, n);
            TensorPrimitives.FusedMultiplyAdd(phi2, _pairProduct.AsSpan(s * n, n), t, t);
            if (l > 0)
            {
                TensorPrimitives.FusedMultiplyAdd(phi1, a.Slice((1 + _f + s) * n, n), t, t); // layer-0 inputs have no curvature
            }
        }
    }

    // pairProduct[s] = ∂_a x · ∂_b x for input i of layer l.
    private void PairProducts(int l, int i)
    {
        int n = _count;
        ReadOnlySpan<double> a = _act[l].AsSpan(i * _c * n, _c * n);
        for (int s = 0; s < _s; s++)
        {
            TensorPrimitives.Multiply(a.Slice((1 + _pairA[s]) * n, n), a.Slice((1 + _pairB[s]) * n, n), _pairProduct.AsSpan(s * n, n));
        }
    }

    // spline[r*n + p] = dʳ/dxʳ of the edge's spline at each point, by Horner on its interval's polynomial.
    private static void SplineBlock(ReadOnlySpan<double> table, int k1, ReadOnlySpan<int> interval, ReadOnlySpan<double> frac,
        ReadOnlySpan<double> invWidth, int order, Span<double> spline, int n)
    {
        int k = k1 - 1;
        for (int p = 0; p < n; p++)
        {
            ReadOnlySpan<double> c = table.Slice(interval[p] * k1, k1);
            double f = frac[p];
            double p0 = c[k], p1 = 0, p2 = 0, p3 = 0;
            for (int q = k - 1; q >= 0; q--)
            {
                p3 = p3 * f + p2;
                p2 = p2 * f + p1;
                p1 = p1 * f + p0;
                p0 = p0 * f + c[q];
            }

            double h = invWidth[p];
            spline[p] = p0;
            spline[n + p] = p1 * h;
            if (order >= 2)
            {
                spline[2 * n + p] = 2 * p2 * h * h;
            }

            if (order >= 3)
            {
                spline[3 * n + p] = 6 * p3 * h * h * h;
            }
        }
    }

    // The cubic case unrolled: value and three derivatives of c0 + c1·f + c2·f² + c3·f³, scaled by 1/h,
    // and the edge's φ⁽ʳ⁾ = w_b·silu⁽ʳ⁾ + w_s·S⁽ʳ⁾ for r = 0..2. Interval indices come from LocateBlock and
    // address rows of a table with IntervalCount + 1 rows.
    private static void CubicBlock(ReadOnlySpan<double> table, ReadOnlySpan<int> interval, ReadOnlySpan<double> frac,
        ReadOnlySpan<double> invWidth, Span<double> spline, ReadOnlySpan<double> silu, double wb, double ws, Span<double> phi, int n)
    {
        if (interval.Length < n || frac.Length < n || invWidth.Length < n || spline.Length < 4 * n || silu.Length < 3 * n || phi.Length < 3 * n)
        {
            throw new ArgumentException("Block buffers too short.");
        }

        ref double t = ref MemoryMarshal.GetReference(table);
        ref double s0 = ref MemoryMarshal.GetReference(spline);
        ref double s1 = ref Unsafe.Add(ref s0, n);
        ref double s2 = ref Unsafe.Add(ref s1, n);
        ref double s3 = ref Unsafe.Add(ref s2, n);
        ref double b0 = ref MemoryMarshal.GetReference(silu);
        ref double b1 = ref Unsafe.Add(ref b0, n);
        ref double b2 = ref Unsafe.Add(ref b1, n);
        ref double f0 = ref MemoryMarshal.GetReference(phi);
        ref double f1 = ref Unsafe.Add(ref f0, n);
        ref double f2 = ref Unsafe.Add(ref f1, n);
        int rows = table.Length / 4;
        Vector256<double> wbv = Vector256.Create(wb), wsv = Vector256.Create(ws);
        Span<double> tail = stackalloc double[7 * 4];
        for (int p = 0; p < n; p += 4)
        {
            int rest = Math.Min(4, n - p);
            // Four points' coefficient rows, transposed into one vector per power of f; a last group of fewer than
            // four repeats its first point's row with f = h = 0, so every point goes through the same arithmetic.
            int j0 = interval[p], j1 = rest > 1 ? interval[p + 1] : j0, j2 = rest > 2 ? interval[p + 2] : j0, j3 = rest > 3 ? interval[p + 3] : j0;
            if ((uint)j0 >= (uint)rows || (uint)j1 >= (uint)rows || (uint)j2 >= (uint)rows || (uint)j3 >= (uint)rows)
            {
                throw new IndexOutOfRangeException();
            }

            (Vector256<double> c0, Vector256<double> c1, Vector256<double> c2, Vector256<double> c3) = Transpose(
                Vector256.LoadUnsafe(ref Unsafe.Add(ref t, j0 * 4)), Vector256.LoadUnsafe(ref Unsafe.Add(ref t, j1 * 4)),
                Vector256.LoadUnsafe(ref Unsafe.Add(ref t, j2 * 4)), Vector256.LoadUnsafe(ref Unsafe.Add(ref t, j3 * 4)));
            Vector256<double> f, h, e0, e1, e2;
            if (rest == 4)
            {
                f = Vector256.LoadUnsafe(ref Unsafe.AsRef(in frac[p]));
                h = Vector256.LoadUnsafe(ref Unsafe.AsRef(in invWidth[p]));
                (e0, e1, e2) = (Vector256.LoadUnsafe(ref Unsafe.Add(ref b0, p)), Vector256.LoadUnsafe(ref Unsafe.Add(ref b1, p)), Vector256.LoadUnsafe(ref Unsafe.Add(ref b2, p)));
            }
            else
            {
                tail.Clear();
                frac.Slice(p, rest).CopyTo(tail);
                invWidth.Slice(p, rest).CopyTo(tail[4..]);
                silu.Slice(p, rest).CopyTo(tail[8..]);
                silu.Slice(n + p, rest).CopyTo(tail[12..]);
                silu.Slice(2 * n + p, rest).CopyTo(tail[16..]);
                (f, h, e0, e1, e2) = (Vector256.Create(tail[..4]), Vector256.Create(tail[4..8]), Vector256.Create(tail[8..12]), Vector256.Create(tail[12..16]), Vector256.Create(tail[16..20]));
            }

            // Horner on c0 + c1·f + c2·f² + c3·f³ and its derivatives, scaled by h = 1/width per derivative.
            Vector256<double> v0 = ((c3 * f + c2) * f + c1) * f + c0;
            Vector256<double> v1 = ((3.0 * c3 * f + 2.0 * c2) * f + c1) * h;
            Vector256<double> v2 = (6.0 * c3 * f + 2.0 * c2) * h * h;
            Vector256<double> v3 = 6.0 * c3 * h * h * h;
            Vector256<double> p0 = wbv * e0 + wsv * v0, p1 = wbv * e1 + wsv * v1, p2 = wbv * e2 + wsv * v2;
            if (rest == 4)
            {
                v0.StoreUnsafe(ref Unsafe.Add(ref s0, p));
                v1.StoreUnsafe(ref Unsafe.Add(ref s1, p));
                v2.StoreUnsafe(ref Unsafe.Add(ref s2, p));
                v3.StoreUnsafe(ref Unsafe.Add(ref s3, p));
                p0.StoreUnsafe(ref Unsafe.Add(ref f0, p));
                p1.StoreUnsafe(ref Unsafe.Add(ref f1, p));
                p2.StoreUnsafe(ref Unsafe.Add(ref f2, p));
                continue;
            }

            v0.CopyTo(tail);
            v1.CopyTo(tail[4..]);
            v2.CopyTo(tail[8..]);
            v3.CopyTo(tail[12..]);
            p0.CopyTo(tail[16..]);
            p1.CopyTo(tail[20..]);
            p2.CopyTo(tail[24..]);

            tail[..rest].CopyTo(spline.Slice(p, rest));
            tail.Slice(4, rest).CopyTo(spline.Slice(n + p, rest));
            tail.Slice(8, rest).CopyTo(spline.Slice(2 * n + p, rest));
            tail.Slice(12, rest).CopyTo(spline.Slice(3 * n + p, rest));
            tail.Slice(16, rest).CopyTo(phi.Slice(p, rest));
            tail.Slice(20, rest).CopyTo(phi.Slice(n + p, rest));
            tail.Slice(24, rest).CopyTo(phi.Slice(2 * n + p, rest));
        }
    }

    // Rows r0..r3 of four coefficients each, returned as columns: (c0, c1, c2, c3)[lane] = r_lane[power].
    private static (Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>) Transpose(
        Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3)
    {
        if (Avx.IsSupported)
        {
            Vector256<double> lo01 = Avx.UnpackLow(r0, r1), hi01 = Avx.UnpackHigh(r0, r1);
            Vector256<double> lo23 = Avx.UnpackLow(r2, r3), hi23 = Avx.UnpackHigh(r2, r3);
            return (Avx.Permute2x128(lo01, lo23, 0x20), Avx.Permute2x128(hi01, hi23, 0x20),
                Avx.Permute2x128(lo01, lo23, 0x31), Avx.Permute2x128(hi01, hi23, 0x31));
        }

        return (Vector256.Create(r0[0], r1[0], r2[0], r3[0]), Vector256.Create(r0[1], r1[1], r2[1], r3[1]),
            Vector256.Create(r0[2], r1[2], r2[2], r3[2]), Vector256.Create(r0[3], r1[3], r2[3], r3[3]));
    }
}
