namespace KanPde.Problems.Expressions;

/// <summary>What names an expression may use, and how to describe the place in messages.</summary>
public sealed record Scope
{
    /// <summary>The problem's variables in order (for u's derivatives, and as variables when allowed).</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>Whether variables may appear (not in constants and bounds).</summary>
    public bool AllowVariables { get; init; }

    /// <summary>Whether u and its derivatives may appear (equations only).</summary>
    public bool AllowU { get; init; }

    /// <summary>
    /// Whether <c>u_n</c>, the derivative along the outward normal, may appear (conditions only). It is bound to
    /// Σₖ nₖ·u_{xₖ}, where normal component k is read as variable <c>Variables.Count + k</c> of the point.
    /// </summary>
    public bool AllowNormal { get; init; }

    /// <summary>The unknown functions in order (default <c>u</c> alone); unknown k's terms carry <c>DerivativeTerm.Unknown</c> = k.</summary>
    public IReadOnlyList<string> Unknowns { get; init; } = ["u"];

    /// <summary>
    /// The trainable parameters in order; where unknowns may appear, parameter j is read as the field of output
    /// <c>Unknowns.Count + j</c> (a constant: its derivatives by the variables are zero).
    /// </summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>Constants defined so far, by name.</summary>
    public IReadOnlyDictionary<string, double> Constants { get; init; } = new Dictionary<string, double>();

    /// <summary>Definitions so far, by name, already bound.</summary>
    public IReadOnlyDictionary<string, Node> Definitions { get; init; } = new Dictionary<string, Node>();

    /// <summary>Constants and definitions declared after this point (to say "used before it is defined").</summary>
    public IReadOnlySet<string> Later { get; init; } = new HashSet<string>();

    /// <summary>How the place reads in a message: "exact", "a constant", "the bounds of x".</summary>
    public string Place { get; init; } = "this expression";

    /// <summary>What the place may contain, for messages: "numbers and constants".</summary>
    public string Allowed { get; init; } = "";
}
