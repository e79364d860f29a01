using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace KanPde.Core.Networks;

/// <summary>An activation and its first three derivatives over a block of values.</summary>
internal static class ActivationBlock
{
    /// <summary>Effectively <c>d[r * n + p] = dʳσ/dzʳ(z[p])</c> for r = 0 … 3, with n = z.Length.</summary>
    public static void Evaluate(Activation activation, ReadOnlySpan<double> z, Span<double> d)
    {
        int n = z.Length;
        Span<double> d0 = d[..n], d1 = d.Slice(n, n), d2 = d.Slice(2 * n, n), d3 = d.Slice(3 * n, n);
        switch (activation)
        {
            case Activation.Tanh:
                TensorPrimitives.Tanh(z, d0);
                Map(d0, d1, d2, d3, static t =>
                {
                    Vector256<double> one = Vector256<double>.One, s = one - t * t;
                    return (s, -2.0 * t * s, s * (6.0 * t * t - 2.0 * one));
                }, static t =>
                {
                    double s = 1 - t * t;
                    return (s, -2 * t * s, s * (6 * t * t - 2));
                });
                break;
            case Activation.Sin:
                for (int p = 0; p < n; p++)
                {
                    // TensorPrimitives.Sin and .Cos are not reproducible: their last bits changed with the process (and, for
                    // Sin, when other code had allocated before: the vector and remainder paths seem to differ by alignment).
                    d0[p] = Math.Sin(z[p]);
                    d1[p] = Math.Cos(z[p]);
                }

                TensorPrimitives.Negate(d0, d2);
                TensorPrimitives.Negate(d1, d3);
                break;
            case Activation.Silu:
            case Activation.Softplus:
                // σ = sigmoid(z) in d3 first, then everything from σ and z.
                TensorPrimitives.Sigmoid(z, d3);
                for (int p = 0; p < n; p++)
                {
                    double x = z[p], s = d3[p], dd = s * (1 - s), a = 1 - 2 * s;
                    if (activation == Activation.Silu)
                    {
                        d0[p] = x * s;
                        d1[p] = s + x * dd;
                        d2[p] = dd * (2 + x * a);
                        d3[p] = dd * (a * (3 + x * a) - 2 * x * dd);
                    }
                    else
                    {
                        d0[p] = Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                        d1[p] = s;
                        d2[p] = dd;
                        d3[p] = dd * a;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation));
        }
    }

    // (d1, d2, d3)[p] = f(d0[p]), vectorised with a scalar tail.
    private static void Map(ReadOnlySpan<double> d0, Span<double> d1, Span<double> d2, Span<double> d3,
        Func<Vector256<double>, (Vector256<double>, Vector256<double>, Vector256<double>)> vector,
        Func<double, (double, double, double)> scalar)
    {
        int n = d0.Length, p = 0;
        for (; p + 4 <= n; p += 4)
        {
            (Vector256<double> a, Vector256<double> b, Vector256<double> c) = vector(Vector256.Create(d0.Slice(p, 4)));
            a.CopyTo(d1.Slice(p, 4));
            b.CopyTo(d2.Slice(p, 4));
            c.CopyTo(d3.Slice(p, 4));
        }

        for (; p < n; p++)
        {
            (d1[p], d2[p], d3[p]) = scalar(d0[p]);
        }
    }
}
