using System.Runtime.Intrinsics;

namespace KanPde.Core.Networks;

/// <summary>
/// An activation and its first three derivatives over a block of values: the one implementation of each
/// activation (the scalar <see cref="Activations.Evaluate"/> is a block of one). Every element's results depend on
/// its own value only, never on its neighbours or on where the buffer lies in memory (see <see cref="ElementwiseMath"/>).
/// </summary>
internal static class ActivationBlock
{
    /// <summary>Effectively <c>d[r * n + p] = dʳσ/dzʳ(z[p])</c> for r = 0 … 3, with n = z.Length.</summary>
    public static void Evaluate(Activation activation, ReadOnlySpan<double> z, Span<double> d)
    {
        int n = z.Length;
        if (d.Length < 4 * n)
        {
            throw new ArgumentException("Need four values per point.", nameof(d));
        }

        Span<double> d0 = d[..n], d1 = d.Slice(n, n), d2 = d.Slice(2 * n, n), d3 = d.Slice(3 * n, n);
        switch (activation)
        {
            case Activation.Tanh:
                ElementwiseMath.Tanh(z, d0);
                Map(d0, d0, d0, d1, d2, d3, static (_, t) =>
                {
                    Vector256<double> one = Vector256<double>.One, s = one - t * t;
                    return (t, s, -2.0 * t * s, s * (6.0 * t * t - 2.0 * one));
                });
                break;
            case Activation.Sin:
                for (int p = 0; p < n; p++)
                {
                    (double s, double c) = Math.SinCos(z[p]);
                    (d0[p], d1[p], d2[p], d3[p]) = (s, c, -s, -c);
                }

                break;
            case Activation.Silu:
                ElementwiseMath.Sigmoid(z, d3); // σ, overwritten last
                Map(z, d3, d0, d1, d2, d3, static (x, s) =>
                {
                    Vector256<double> one = Vector256<double>.One, two = Vector256.Create(2.0), dd = s * (one - s), a = one - two * s;
                    return (x * s, s + x * dd, dd * (two + x * a), dd * (a * (Vector256.Create(3.0) + x * a) - two * x * dd));
                });
                break;
            case Activation.Softplus:
                ElementwiseMath.Sigmoid(z, d1);
                for (int p = 0; p < n; p++)
                {
                    double x = z[p];
                    d0[p] = Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                }

                Map(d1, d1, d0, d1, d2, d3, static (_, s) =>
                {
                    Vector256<double> one = Vector256<double>.One, dd = s * (one - s);
                    return (Vector256<double>.Zero, s, dd, dd * (one - 2.0 * s));
                }, keepFirst: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    private delegate (Vector256<double> D0, Vector256<double> D1, Vector256<double> D2, Vector256<double> D3) Formula(Vector256<double> z, Vector256<double> s);

    // (d0, d1, d2, d3)[p] = formula(z[p], s[p]) four points at a time; the tail goes through the same formula on a
    // padded vector, so every point is computed by the same operations. d0 is left alone when keepFirst.
    private static void Map(ReadOnlySpan<double> z, ReadOnlySpan<double> s, Span<double> d0, Span<double> d1, Span<double> d2, Span<double> d3,
        Formula formula, bool keepFirst = false)
    {
        int n = z.Length, p = 0;
        for (; p + 4 <= n; p += 4)
        {
            (Vector256<double> a, Vector256<double> b, Vector256<double> c, Vector256<double> e) = formula(Vector256.Create(z.Slice(p, 4)), Vector256.Create(s.Slice(p, 4)));
            if (!keepFirst)
            {
                a.CopyTo(d0.Slice(p, 4));
            }

            b.CopyTo(d1.Slice(p, 4));
            c.CopyTo(d2.Slice(p, 4));
            e.CopyTo(d3.Slice(p, 4));
        }

        if (p == n)
        {
            return;
        }

        int rest = n - p;
        Span<double> tz = stackalloc double[4], ts = stackalloc double[4], out4 = stackalloc double[16];
        tz.Clear();
        ts.Clear();
        z[p..].CopyTo(tz);
        s[p..].CopyTo(ts);
        (Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3) = formula(Vector256.Create(tz), Vector256.Create(ts));
        r0.CopyTo(out4);
        r1.CopyTo(out4[4..]);
        r2.CopyTo(out4[8..]);
        r3.CopyTo(out4[12..]);
        if (!keepFirst)
        {
            out4[..rest].CopyTo(d0[p..]);
        }

        out4.Slice(4, rest).CopyTo(d1[p..]);
        out4.Slice(8, rest).CopyTo(d2[p..]);
        out4.Slice(12, rest).CopyTo(d3[p..]);
    }
}
