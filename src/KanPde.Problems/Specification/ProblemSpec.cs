using KanPde.Problems.Expressions;

namespace KanPde.Problems.Specification;

/// <summary>
/// A validated problem file with every setting resolved to its default (see docs/problem-format.md).
/// Immutable. Settings the format leaves to "the implementation's best default" are null.
/// </summary>
/// <param name="Name">Identifier of the problem; names the results folder.</param>
/// <param name="Description">Free text for reports, or null.</param>
/// <param name="Variables">The variables in input order, with their bounds.</param>
/// <param name="Constants">Named constants, in file order, with their values.</param>
/// <param name="Definitions">Named expressions of the variables, in file order (already substituted into every expression below).</param>
/// <param name="Equation">The PDE inside the box (the first of <see cref="Equations"/> in a system).</param>
/// <param name="Conditions">Boundary and initial conditions, in file order.</param>
/// <param name="Exact">The analytic solution (of the first unknown in a system), or null.</param>
/// <param name="Kan">The KAN model.</param>
/// <param name="Mlp">The MLP baseline, or null for <c>mlp: none</c>.</param>
/// <param name="Training">Points, weights, optimizer and grid schedule.</param>
/// <param name="Evaluation">Where errors are measured.</param>
/// <param name="Source">Where the problem came from and its exact text.</param>
public sealed record ProblemSpec(
    string Name,
    string? Description,
    IReadOnlyList<VariableSpec> Variables,
    IReadOnlyList<ConstantSpec> Constants,
    IReadOnlyList<DefinitionSpec> Definitions,
    EquationSpec Equation,
    IReadOnlyList<ConditionSpec> Conditions,
    ExactSpec? Exact,
    KanSpec Kan,
    MlpSpec? Mlp,
    TrainingSpec Training,
    EvaluationSpec Evaluation,
    ProblemSource Source)
{
    private readonly IReadOnlyList<EquationSpec>? _equations;
    private readonly IReadOnlyList<ExactSpec?>? _exacts;

    /// <summary>Variable names in input order.</summary>
    public IReadOnlyList<string> VariableNames => [.. Variables.Select(v => v.Name)];

    /// <summary>The unknown functions in order (<c>unknowns</c>; default <c>u</c> alone).</summary>
    public IReadOnlyList<string> Unknowns { get; init; } = ["u"];

    /// <summary>Every equation inside the box (<c>equations</c>, or <c>equation</c> alone); the first is <see cref="Equation"/>.</summary>
    public IReadOnlyList<EquationSpec> Equations
    {
        get => _equations ?? [Equation];
        init => _equations = value;
    }

    /// <summary>Each unknown's exact solution, or null where it has none; the first is <see cref="Exact"/>.</summary>
    public IReadOnlyList<ExactSpec?> Exacts
    {
        get => _exacts ?? [Exact];
        init => _exacts = value;
    }

    /// <summary>The trainable parameters of the equations, in file order (<c>parameters</c>).</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; init; } = [];

    /// <summary>The observations of the unknowns (<c>data</c>), in file order.</summary>
    public IReadOnlyList<DataSpec> Data { get; init; } = [];

    /// <summary>
    /// The region where the equations hold (<c>domain</c>), or null for the box of the variables (also when the file
    /// gives <c>domain: {shape: box}</c> with the variables' own bounds, so such a file behaves exactly as one without).
    /// </summary>
    public KanPde.Core.Geometry.Shape? Domain { get; init; }

    /// <summary>The variables the solution is periodic in (<c>periodic</c> conditions), as indices, increasing.</summary>
    public IReadOnlyList<int> Periodic { get; init; } = [];

    /// <summary>Whether the problem is more than one unknown <c>u</c>: several unknowns, or parameters to identify.</summary>
    public bool IsSystem => Unknowns.Count > 1 || Parameters.Count > 0;

    /// <summary>Whether every unknown has an exact solution (so errors over all unknowns can be measured).</summary>
    public bool HasCompleteExact => Exacts.All(e => e is not null);
}

/// <summary>A trainable constant of the equations, its starting value and, if known, its true value.</summary>
public sealed record ParameterSpec(string Name, double Initial, double? Exact);

/// <summary>
/// One entry of <c>data</c>: observations read from a CSV file (<paramref name="Table"/>), or
/// <paramref name="FromExact"/> synthetic ones drawn from the exact solution with relative <paramref name="Noise"/>.
/// </summary>
public sealed record DataSpec(string Name, ObservationTable? Table, int? FromExact, double Noise, double Weight);

/// <summary>
/// Observed values at points: <paramref name="Coordinates"/> coordinate-major (variable k of point p at
/// <c>k * Count + p</c>), and per observed unknown its values, NaN where that unknown was not observed.
/// </summary>
public sealed record ObservationTable(int Count, double[] Coordinates, IReadOnlyList<(int Unknown, double[] Values)> Columns);

/// <summary>The file a problem was read from, and its text exactly as read.</summary>
public sealed record ProblemSource(string FileName, string Text);

/// <summary>A variable and its range [Low, High], Low &lt; High.</summary>
public sealed record VariableSpec(string Name, double Low, double High);

/// <summary>A named constant.</summary>
public sealed record ConstantSpec(string Name, double Value);

/// <summary>A named expression of the variables and constants, as written and as bound.</summary>
public sealed record DefinitionSpec(string Name, string Text, Node Expression);

/// <summary>The analytic solution, as written and as bound (an expression of the variables only).</summary>
public sealed record ExactSpec(string Text, Node Expression);

/// <summary>An equation <c>Left = Right</c> as written and bound; its residual is Left − Right.</summary>
public sealed record EquationSpec(string Text, Node Left, Node Right)
{
    /// <summary>Left − Right, simplified.</summary>
    public Node Residual => Node.Difference(Left, Right);
}

/// <summary>One face of the box: variable number <paramref name="Variable"/> held at its low or high bound.</summary>
public sealed record FaceSpec(int Variable, string VariableName, bool High, double Value)
{
    /// <summary>As written in a file: <c>x = 1</c>.</summary>
    public override string ToString() => $"{VariableName} = {Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>A condition: an equation that holds on some faces, its loss weight, and points per face.</summary>
public sealed record ConditionSpec(IReadOnlyList<FaceSpec> Faces, EquationSpec Equation, double Weight, int PointsPerFace)
{
    /// <summary>
    /// The named places of <c>at</c> after its faces: names of shapes of the <c>domain</c> (their part of its boundary)
    /// and <c>boundary</c> (all of it). Empty without a domain.
    /// </summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Every place as written: the faces, then the names.</summary>
    public IEnumerable<string> Places => Faces.Select(f => f.ToString()).Concat(Names);
}
