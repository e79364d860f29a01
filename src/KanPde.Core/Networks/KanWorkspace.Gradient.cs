using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

/// <summary>
/// Coefficient gradients: the reverse sweep adds, per point, the gradient with respect to its interval's
/// polynomial coefficients; collecting maps those onto the B-spline coefficients, once per chunk.
/// </summary>
internal sealed partial class KanWorkspace
{
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
}
