using KanPde.Problems.Compilation;
using KanPde.Problems.Loading;
using KanPde.Problems.Specification;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Solving;

/// <summary>Shipped problems shrunk to CI size in the test (the files themselves stay as shipped).</summary>
internal static class SolverTestKit
{
    public static ProblemSpec Load(string name)
    {
        LoadResult result = ProblemLoader.Load(Path.Combine(Repository.Root, "problems", name + ".yaml"));
        return result.Problem ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    /// <summary>At most <paramref name="interior"/> interior and <paramref name="perFace"/> face points, the given schedule, a coarse evaluation grid.</summary>
    public static CompiledProblem Small(ProblemSpec spec, int interior, int perFace, IReadOnlyList<StageSpec> schedule, int evaluation = 31)
    {
        ProblemSpec small = spec with
        {
            Conditions = [.. spec.Conditions.Select(c => c with { PointsPerFace = Math.Min(c.PointsPerFace, perFace) })],
            Training = spec.Training with
            {
                Points = new PointsSpec(Math.Min(spec.Training.Points.Interior, interior), Math.Min(spec.Training.Points.Boundary, perFace)),
                Schedule = schedule,
            },
            Evaluation = new EvaluationSpec(Math.Min(spec.Evaluation.Points, evaluation)),
        };
        return CompiledProblem.Compile(small);
    }
}
