using KanPde.Core;
using KanPde.Core.Sampling;
using KanPde.Problems.Expressions.Compilation;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Compilation;

/// <summary>
/// A problem ready for training: the box, the compiled residuals of the equation and of every
/// condition, the exact solution (if any), and collocation points drawn from the seed.
/// </summary>
public sealed class CompiledProblem
{
    private CompiledProblem(ProblemSpec spec)
    {
        Spec = spec;
        Box = new Box([.. spec.Variables.Select(v => v.Low)], [.. spec.Variables.Select(v => v.High)]);
        Equation = new CompiledResidual(spec.Equation.Residual);
        Conditions = [.. spec.Conditions.Select((c, i) => new CompiledCondition(i, c, new CompiledResidual(c.Equation.Residual)))];
        Exact = spec.Exact is null ? null : new PointFunction(spec.Exact.Expression);
    }

    /// <summary>The validated problem.</summary>
    public ProblemSpec Spec { get; }

    /// <summary>The box of the variables, in their order.</summary>
    public Box Box { get; }

    /// <summary>The PDE's residual LHS − RHS, with its partials.</summary>
    public CompiledResidual Equation { get; }

    /// <summary>Each condition's residual, faces, weight and points per face.</summary>
    public IReadOnlyList<CompiledCondition> Conditions { get; }

    /// <summary>The exact solution, or null.</summary>
    public PointFunction? Exact { get; }

    /// <summary>Compiles a validated problem.</summary>
    public static CompiledProblem Compile(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CompiledProblem(spec);
    }

    /// <summary>The interior collocation points (training.points.interior, training.sampling, training.seed).</summary>
    public PointSet InteriorPoints() =>
        Collocation.Interior(Box, Spec.Training.Points.Interior, Spec.Training.Sampling, Spec.Training.Seed);

    /// <summary>
    /// The collocation points of condition <paramref name="index"/>: its points per face on each of its
    /// faces, face after face (in one dimension a face is one point).
    /// </summary>
    public PointSet ConditionPoints(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Conditions.Count);
        CompiledCondition condition = Conditions[index];
        return Collocation.Concatenate([.. condition.Spec.Faces.Select((f, k) => Collocation.Face(
            Box, f.Variable, f.High, condition.Spec.PointsPerFace, Spec.Training.Sampling, Spec.Training.Seed, stream: (index * 64) + k))]);
    }

    /// <summary>The evaluation grid: evaluation.points per axis, bounds included.</summary>
    public PointSet EvaluationGrid() => Collocation.Grid(Box, Spec.Evaluation.Points);
}

/// <summary>A condition compiled: which faces, its loss weight, points per face, and its residual.</summary>
public sealed record CompiledCondition(int Index, ConditionSpec Spec, CompiledResidual Residual)
{
    /// <summary>The faces the condition holds on.</summary>
    public IReadOnlyList<FaceSpec> Faces => Spec.Faces;

    /// <summary>The condition's own loss weight.</summary>
    public double Weight => Spec.Weight;

    /// <summary>Requested collocation points per face.</summary>
    public int PointsPerFace => Spec.PointsPerFace;
}
