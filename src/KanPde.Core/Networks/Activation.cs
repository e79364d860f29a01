namespace KanPde.Core.Networks;

/// <summary>Smooth scalar activations (smooth so that second input derivatives exist).</summary>
public enum Activation
{
    /// <summary>tanh z.</summary>
    Tanh,

    /// <summary>sin z.</summary>
    Sin,

    /// <summary>z·σ(z), the KAN paper's base function b(x).</summary>
    Silu,

    /// <summary>log(1 + eᶻ).</summary>
    Softplus,
}

/// <summary>Closed-form values and derivatives of the activations.</summary>
public static class Activations
{
    /// <summary>
    /// Effectively <c>result[r] = dʳ/dzʳ f(z)</c> for r = 0 … 3.
    /// </summary>
    public static void Evaluate(Activation activation, double z, Span<double> result)
    {
        switch (activation)
        {
            case Activation.Tanh:
            {
                double t = Math.Tanh(z);
                double d = 1 - t * t;
                result[0] = t;
                result[1] = d;
                result[2] = -2 * t * d;
                result[3] = d * (6 * t * t - 2);
                break;
            }

            case Activation.Sin:
            {
                (double s, double c) = Math.SinCos(z);
                result[0] = s;
                result[1] = c;
                result[2] = -s;
                result[3] = -c;
                break;
            }

            case Activation.Silu:
                Silu(z, result);
                break;

            case Activation.Softplus:
            {
                double s = Sigmoid(z);
                double d = s * (1 - s);
                result[0] = Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
                result[1] = s;
                result[2] = d;
                result[3] = d * (1 - 2 * s);
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(activation));
        }
    }

    /// <summary>silu z = z·σ(z) and its first three derivatives.</summary>
    public static void Silu(double z, Span<double> result)
    {
        double s = Sigmoid(z);
        double d = s * (1 - s);
        double a = 1 - 2 * s;
        result[0] = z * s;
        result[1] = s + z * d;
        result[2] = d * (2 + z * a);
        result[3] = d * (a * (3 + z * a) - 2 * z * d);
    }

    /// <summary>The logistic function 1/(1 + e⁻ᶻ), without overflow.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        double e = Math.Exp(z);
        return e / (1 + e);
    }
}
