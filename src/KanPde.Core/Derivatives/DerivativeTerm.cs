namespace KanPde.Core.Derivatives;

/// <summary>
/// One partial derivative of the network output u with respect to its inputs:
/// u itself (order 0), ∂u/∂x_i (order 1) or ∂²u/∂x_i∂x_j (order 2, stored with i ≤ j).
/// <c>default(DerivativeTerm)</c> is <see cref="Value"/> (u itself): the variables are stored plus one, so
/// that zeroed storage means "no differentiation" rather than a second derivative in x₀.
/// In a system of several outputs (unknowns, see <see cref="Networks.SystemNetwork"/>) a term also names its output,
/// <see cref="Unknown"/>; the default, 0, is the only output of a single network.
/// </summary>
public readonly record struct DerivativeTerm
{
    // Variable index + 1; 0 = no differentiation. Keeps default(DerivativeTerm) == Value.
    private readonly int _firstPlusOne;
    private readonly int _secondPlusOne;
    private readonly int _unknown;

    private DerivativeTerm(int first, int second, int unknown = 0)
    {
        _firstPlusOne = first + 1;
        _secondPlusOne = second + 1;
        _unknown = unknown;
    }

    /// <summary>The output (unknown) this term differentiates: 0 for a single network.</summary>
    public int Unknown => _unknown;

    /// <summary>The same derivative of output <paramref name="unknown"/>.</summary>
    public DerivativeTerm Of(int unknown)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unknown);
        return new DerivativeTerm(First, Second, unknown);
    }

    /// <summary>The first differentiation variable, or -1 for u itself.</summary>
    public int First => _firstPlusOne - 1;

    /// <summary>The second differentiation variable (≥ <see cref="First"/>), or -1 below order 2.</summary>
    public int Second => _secondPlusOne - 1;

    /// <summary>0, 1 or 2.</summary>
    public int Order => First < 0 ? 0 : Second < 0 ? 1 : 2;

    /// <summary>u itself.</summary>
    public static DerivativeTerm Value { get; } = new(-1, -1);

    /// <summary>∂u/∂x_i.</summary>
    public static DerivativeTerm D(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        return new DerivativeTerm(i, -1);
    }

    /// <summary>∂²u/∂x_i∂x_j; the order of i and j does not matter.</summary>
    public static DerivativeTerm D(int i, int j)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfNegative(j);
        return i <= j ? new DerivativeTerm(i, j) : new DerivativeTerm(j, i);
    }

    /// <summary>Short form for messages and tests: <c>u</c>, <c>u_0</c>, <c>u_01</c>.</summary>
    public override string ToString()
    {
        string u = Unknown == 0 ? "u" : $"u{Unknown}";
        return Order switch
        {
            0 => u,
            1 => $"{u}_{First}",
            _ => $"{u}_{First}{Second}",
        };
    }
}
