using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Loading;
using KanPde.Problems.Specification;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Compilation;

public sealed class ShippedProblemTests
{
    public static TheoryData<string> Files => [.. Repository.ProblemFiles.Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void ProblemsFolder_Listed_HoldsEveryRequiredProblem()
    {
        string[] required = ["poisson2d", "poisson2d-sin", "poisson2d-lm", "poisson1d", "heat1d", "wave1d", "helmholtz2d", "laplace2d", "heat2d"];

        Assert.Superset(required.ToHashSet(), Repository.ProblemFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_ShippedFile_IsValidDescribedAndHasAnExactSolution(string file)
    {
        LoadResult result = ProblemLoader.Load(Path.Combine(Repository.Root, "problems", file));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        ProblemSpec p = result.Problem!;
        Assert.Equal(Path.GetFileNameWithoutExtension(file), p.Name);
        Assert.False(string.IsNullOrWhiteSpace(p.Description));
        Assert.NotNull(p.Exact);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ExactSolutionCheck_ShippedFile_SatisfiesEveryEquationTo1e9(string file)
    {
        ProblemSpec p = ProblemLoader.Load(Path.Combine(Repository.Root, "problems", file)).Problem!;

        IReadOnlyList<ExactCheckResult> results = ExactSolutionCheck.Run(p)!;

        Assert.Equal(p.Equations.Count + p.Conditions.Count + (2 * p.Periodic.Count * p.Exacts.Count(e => e is not null)), results.Count);
        Assert.All(results, r => Assert.True(r.Relative <= 1e-9, $"{r.Equation}: {r.Relative}"));
        Assert.All(results, r => Assert.True(r.Scale > 0.1, $"{r.Equation}: scale {r.Scale}"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Compile_ShippedFile_GivesPointsOnTheRightFaces(string file)
    {
        ProblemSpec p = ProblemLoader.Load(Path.Combine(Repository.Root, "problems", file)).Problem!;
        var compiled = CompiledProblem.Compile(p);

        PointSet interior = compiled.InteriorPoints();
        Assert.Equal(p.Variables.Count, interior.Dimension);
        if (p.Domain is { } domain)
        {
            // A shaped domain: interior points inside it, every condition's points on its boundary.
            Assert.All(Rows(interior), x => Assert.True(domain.Contains(x)));
            for (int c = 0; c < compiled.Conditions.Count; c++)
            {
                Assert.All(Rows(compiled.ConditionPoints(c)), x => Assert.True(Math.Abs(domain.SignedDistance(x)) <= 1e-12, $"condition {c + 1}: {string.Join(", ", x)}"));
            }
        }

        for (int c = 0; c < compiled.Conditions.Count && p.Domain is null; c++)
        {
            PointSet points = compiled.ConditionPoints(c);
            int perFace = points.Count / compiled.Conditions[c].Faces.Count;
            for (int f = 0; f < compiled.Conditions[c].Faces.Count; f++)
            {
                FaceSpec face = compiled.Conditions[c].Faces[f];
                ReadOnlySpan<double> fixedAxis = points.Coordinate(face.Variable).Slice(f * perFace, perFace);
                Assert.All(fixedAxis.ToArray(), v => Assert.Equal(face.Value, v));
            }
        }

        double[] exact = compiled.Exact!.Evaluate(compiled.EvaluationGrid());
        Assert.All(exact, v => Assert.True(double.IsFinite(v)));
    }

    private static IEnumerable<double[]> Rows(PointSet points) =>
        Enumerable.Range(0, points.Count).Select(i => Enumerable.Range(0, points.Dimension).Select(k => points.Coordinate(k)[i]).ToArray());

    [Fact]
    public void Poisson2d_Compiled_MatchesThePaperSetup()
    {
        ProblemSpec p = ProblemLoader.Load(Path.Combine(Repository.Root, "problems", "poisson2d.yaml")).Problem!;
        var compiled = CompiledProblem.Compile(p);

        Assert.Equal(10000, compiled.InteriorPoints().Count);
        Assert.Equal(800, compiled.ConditionPoints(0).Count);
        Assert.Equal(new WeightsSpec(0.01, 1), p.Training.Weights);
        Assert.Equal(OptimizerKind.Lbfgs, p.Training.Optimizer);
        Assert.Equal([5, 10, 20], p.Training.Schedule!.Select(s => s.Grid));
        Assert.Equal(OptimizerKind.LevenbergMarquardt, ProblemLoader.Load(Path.Combine(Repository.Root, "problems", "poisson2d-lm.yaml")).Problem!.Training.Optimizer);
        Assert.Equal(2601, CompiledProblem.Compile(ProblemLoader.Load(Path.Combine(Repository.Root, "problems", "poisson2d-sin.yaml")).Problem!).InteriorPoints().Count);
    }

    [Fact]
    public void ExactSolutionCheck_WrongSourceTerm_ReportsTheEquationAndRelativeSize()
    {
        ProblemSpec p = ProblemLoader.Parse(BrokenFiles.Valid.Replace("-2*pi^2", "-2*pi", StringComparison.Ordinal), "wrong.yaml").Problem!;

        IReadOnlyList<ExactCheckResult> results = ExactSolutionCheck.Run(p)!;

        Assert.True(results[0].Relative > 0.1, results[0].Relative.ToString());
        Assert.Equal("the equation", results[0].Equation);
        Assert.True(results[1].Relative < 1e-12);
    }

    [Fact]
    public void ExactSolutionCheck_WrongBoundaryValue_NamesTheCondition()
    {
        ProblemSpec p = ProblemLoader.Parse(BrokenFiles.Valid.Replace("equation: u = 0", "equation: u = 0.5", StringComparison.Ordinal), "wrong.yaml").Problem!;

        IReadOnlyList<ExactCheckResult> results = ExactSolutionCheck.Run(p)!;

        Assert.True(results[0].Relative < 1e-12);
        Assert.StartsWith("condition 1 (x = -1, x = 1, y = -1, y = 1)", results[1].Equation);
        Assert.Equal(0.5, results[1].MaxResidual, 12);
    }
}
