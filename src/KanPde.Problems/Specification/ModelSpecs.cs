using KanPde.Core.Networks;

namespace KanPde.Problems.Specification;

/// <summary>The KAN model.</summary>
/// <param name="Width">Neurons per layer; first = number of variables, last = 1.</param>
/// <param name="Grid">Grid intervals G at the start (default: the first stage's grid, else 5), at least 1.</param>
/// <param name="Order">B-spline order k, at least 2.</param>
/// <param name="GridUpdate">Grid updates; null = the implementation's default; <see cref="GridUpdateSpec.Disabled"/> for <c>none</c>.</param>
public sealed record KanSpec(IReadOnlyList<int> Width, int Grid, int Order, GridUpdateSpec? GridUpdate, bool Symbolic = false)
{
    /// <summary>Neurons per layer.</summary>
    public IReadOnlyList<int> Width { get; init => field = Require.Width(value, nameof(Width)); } = Require.Width(Width, nameof(Width));

    /// <summary>Grid intervals G at the start.</summary>
    public int Grid { get; init => field = Require.AtLeast(value, 1, nameof(Grid)); } = Require.AtLeast(Grid, 1, nameof(Grid));

    /// <summary>B-spline order k.</summary>
    public int Order { get; init => field = Require.AtLeast(value, 2, nameof(Order)); } = Require.AtLeast(Order, 2, nameof(Order));
}

/// <summary>Refit each layer's grid every <paramref name="Every"/> steps (at least 1) during the first <paramref name="Until"/> steps (at least 0) of each stage.</summary>
public sealed record GridUpdateSpec(bool Enabled, int Every, int Until)
{
    /// <summary><c>grid_update: none</c>.</summary>
    public static GridUpdateSpec Disabled { get; } = new(false, 1, 0);

    /// <summary>Steps between updates.</summary>
    public int Every { get; init => field = Require.AtLeast(value, 1, nameof(Every)); } = Require.AtLeast(Every, 1, nameof(Every));

    /// <summary>Updates happen during the first this many steps of a stage.</summary>
    public int Until { get; init => field = Require.AtLeast(value, 0, nameof(Until)); } = Require.AtLeast(Until, 0, nameof(Until));
}

/// <summary>The MLP baseline.</summary>
/// <param name="Width">Neurons per layer; first = number of variables, last = 1.</param>
/// <param name="Activation">Hidden-layer activation.</param>
/// <param name="Steps">Optimizer steps (at least 1), or null: as many loss evaluations as the KAN used.</param>
public sealed record MlpSpec(IReadOnlyList<int> Width, Activation Activation, int? Steps)
{
    /// <summary>Neurons per layer.</summary>
    public IReadOnlyList<int> Width { get; init => field = Require.Width(value, nameof(Width)); } = Require.Width(Width, nameof(Width));

    /// <summary>Hidden-layer activation.</summary>
    public Activation Activation { get; init => field = Require.Defined(value, nameof(Activation)); } = Require.Defined(Activation, nameof(Activation));

    /// <summary>Optimizer steps, or null for equal loss evaluations with the KAN.</summary>
    public int? Steps { get; init => field = Require.AtLeast(value, 1, nameof(Steps)); } = Require.AtLeast(Steps, 1, nameof(Steps));
}
