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
/// <param name="Equation">The PDE inside the box.</param>
/// <param name="Conditions">Boundary and initial conditions, in file order.</param>
/// <param name="Exact">The analytic solution, or null.</param>
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
    /// <summary>Variable names in input order.</summary>
    public IReadOnlyList<string> VariableNames => [.. Variables.Select(v => v.Name)];
}

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
public sealed record ConditionSpec(IReadOnlyList<FaceSpec> Faces, EquationSpec Equation, double Weight, int PointsPerFace);
