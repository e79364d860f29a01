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
    /// Effectively <c>result[r] = dʳ/dzʳ f(z)</c> for r = 0 … 3: a block of one point, so the bits equal those of
    /// the same value inside any block.
    /// </summary>
    public static void Evaluate(Activation activation, double z, Span<double> result) =>
        ActivationBlock.Evaluate(activation, [z], result);

    /// <summary>silu z = z·σ(z) and its first three derivatives.</summary>
    public static void Silu(double z, Span<double> result) => Evaluate(Activation.Silu, z, result);
}
