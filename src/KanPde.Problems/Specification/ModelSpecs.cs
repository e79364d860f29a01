namespace KanPde.Problems.Specification;

/// <summary>The KAN model.</summary>
/// <param name="Width">Neurons per layer; first = number of variables, last = 1.</param>
/// <param name="Grid">Grid intervals G at the start (default: the first stage's grid).</param>
/// <param name="Order">B-spline order k, at least 2.</param>
/// <param name="GridUpdate">Grid updates; null = the implementation's default; <see cref="GridUpdateSpec.Disabled"/> for <c>none</c>.</param>
public sealed record KanSpec(IReadOnlyList<int> Width, int Grid, int Order, GridUpdateSpec? GridUpdate);

/// <summary>Refit each layer's grid every <paramref name="Every"/> steps during the first <paramref name="Until"/> steps of each stage.</summary>
public sealed record GridUpdateSpec(bool Enabled, int Every, int Until)
{
    /// <summary><c>grid_update: none</c>.</summary>
    public static GridUpdateSpec Disabled { get; } = new(false, 0, 0);
}

/// <summary>The MLP baseline.</summary>
/// <param name="Width">Neurons per layer; first = number of variables, last = 1.</param>
/// <param name="Activation">Hidden-layer activation.</param>
/// <param name="Steps">Optimizer steps (default: the KAN schedule's total).</param>
public sealed record MlpSpec(IReadOnlyList<int> Width, Activation Activation, int Steps);

/// <summary>Smooth activations for the MLP.</summary>
public enum Activation
{
    /// <summary>tanh</summary>
    Tanh,

    /// <summary>sin</summary>
    Sin,

    /// <summary>silu(x) = x·sigmoid(x)</summary>
    Silu,

    /// <summary>softplus(x) = log(1 + e^x)</summary>
    Softplus,
}

/// <summary>Optimizers a file may name.</summary>
public enum OptimizerKind
{
    /// <summary>L-BFGS with a line search.</summary>
    Lbfgs,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>Levenberg–Marquardt (damped Gauss–Newton).</summary>
    Lm,
}
