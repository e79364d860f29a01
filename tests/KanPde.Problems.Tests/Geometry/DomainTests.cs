using KanPde.Core.Geometry;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Loading;
using KanPde.Problems.Models;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Problems.Tests.Solving;
using KanPde.Tests.Shared;
using Xunit.Abstractions;

namespace KanPde.Problems.Tests.Geometry;

/// <summary>Domains other than the box, normal derivatives and periodic conditions, from the file to the trained network.</summary>
public sealed class DomainTests(ITestOutputHelper output)
{
    private const string OneDimensional = """
        name: neumann
        variables:
          x: [0, 1]
        equation: u_xx = -sin(x)
        conditions:
          - at: x = 0
            equation: u = 0
          - at: x = 0
            equation: u_n = -1
          - at: x = 1
            equation: u_n = cos(1)
        exact: sin(x)
        """;

    private static ProblemSpec Parse(string yaml)
    {
        LoadResult result = ProblemLoader.Parse(yaml, "test.yaml");
        return result.Problem ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Domain_TheVariablesOwnBox_IsNoDomainAndGivesTheSamePoints()
    {
        ProblemSpec plain = Parse(BrokenFiles.Valid);
        ProblemSpec boxed = Parse(BrokenFiles.Valid + "domain: {shape: box}\n");

        Assert.Null(boxed.Domain);
        CompiledProblem a = CompiledProblem.Compile(plain), b = CompiledProblem.Compile(boxed);
        Assert.Equal(a.InteriorPoints().Coordinates.ToArray(), b.InteriorPoints().Coordinates.ToArray());
        Assert.Equal(a.ConditionPoints(0).Coordinates.ToArray(), b.ConditionPoints(0).Coordinates.ToArray());
    }

    [Fact]
    public void Polygon_WrittenClosed_IsTheSamePolygon()
    {
        string open = BrokenFiles.Valid.Replace("  - at: [x = -1, x = 1, y = -1, y = 1]", "  - at: boundary", StringComparison.Ordinal)
            + "domain:\n  shape: polygon\n  vertices: [[-1, -1], [1, -1], [0, 1]]\n";
        string closed = open.Replace("[0, 1]]", "[0, 1], [-1, -1]]", StringComparison.Ordinal);

        var a = Assert.IsType<Polygon>(Parse(open).Domain);
        var b = Assert.IsType<Polygon>(Parse(closed).Domain);
        Assert.Equal(a.Vertices, b.Vertices);
    }

    [Fact]
    public void NormalDerivative_OnBoxFaces_IsPlusOrMinusTheAxisDerivative()
    {
        // u = sin x: u_n = -u_x = -1 at x = 0 and u_x = cos 1 at x = 1; the opposite signs must fail the check.
        IReadOnlyList<ExactCheckResult> right = ExactSolutionCheck.Run(Parse(OneDimensional))!;
        IReadOnlyList<ExactCheckResult> wrong = ExactSolutionCheck.Run(Parse(OneDimensional.Replace("u_n = -1", "u_n = 1", StringComparison.Ordinal)))!;

        Assert.All(right, r => Assert.True(r.Relative <= 1e-12, r.Equation));
        Assert.Contains(wrong, r => r.Relative > 0.1 && r.Equation.StartsWith("condition 2", StringComparison.Ordinal));
    }

    [Fact]
    public void NormalDerivative_OnTheHole_PointsIntoTheHole()
    {
        ProblemSpec spec = SolverTestKit.Load("helmholtz-hole");
        var problem = CompiledProblem.Compile(spec);
        BoundaryPoints hole = problem.ConditionBoundary(1);

        for (int p = 0; p < hole.Points.Count; p++)
        {
            double x = hole.Points.Coordinate(0)[p], y = hole.Points.Coordinate(1)[p];
            double nx = hole.Normals[p], ny = hole.Normals[hole.Points.Count + p];
            Assert.Equal(0.3, Math.Sqrt((x * x) + (y * y)), 12);
            Assert.Equal(-x / 0.3, nx, 12);
            Assert.Equal(-y / 0.3, ny, 12);
        }

        Assert.Equal(spec.Conditions[1].PointsPerFace, hole.Points.Count);
    }

    [Fact]
    public void EvaluationGrid_OnADisk_HoldsOnlyNodesInside()
    {
        var problem = CompiledProblem.Compile(SolverTestKit.Load("poisson-disk"));
        PointSet grid = problem.EvaluationGrid();

        int full = problem.Spec.Evaluation.Points * problem.Spec.Evaluation.Points;
        Assert.InRange(grid.Count, (int)(0.75 * full), (int)(0.8 * full)); // π/4 of the square
        for (int p = 0; p < grid.Count; p++)
        {
            double r = Math.Sqrt(Math.Pow(grid.Coordinate(0)[p], 2) + Math.Pow(grid.Coordinate(1)[p], 2));
            Assert.True(r <= 1 + 1e-9, $"node {p} at radius {r}");
        }
    }

    [Fact]
    public void Periodic_ExactThatIsNotPeriodic_FailsTheCheck()
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, "problems", "heat-periodic.yaml"));
        ProblemSpec good = Parse(text);
        ProblemSpec bad = Parse(text.Replace("exact: 1 +", "exact: x +", StringComparison.Ordinal).Replace("u = 1 +", "u = x +", StringComparison.Ordinal));

        Assert.Equal([1], good.Periodic);
        Assert.All(ExactSolutionCheck.Run(good)!, r => Assert.True(r.Relative <= 1e-12, r.Equation));
        Assert.Contains(ExactSolutionCheck.Run(bad)!, r => r.Relative > 0.1 && r.Equation == "periodic in x: u at x = 0 and 1");
    }

    [Fact]
    public void ModelFile_PeriodicNetwork_RoundTripsBitForBit()
    {
        var problem = CompiledProblem.Compile(SolverTestKit.Load("heat-periodic"));
        TrainingResult result = ProblemSolver.Train(SolverTestKit.Small(problem.Spec, 100, 10, [new(5, 3, OptimizerKind.LevenbergMarquardt)]), ModelKind.Kan, new SolveOptions());
        var network = Assert.IsType<PeriodicNetwork>(result.Network);

        var read = Assert.IsType<PeriodicNetwork>(ModelFile.Read(ModelFile.Write(network, problem.Spec.VariableNames)));

        Assert.Equal(network.Periodic, read.Periodic);
        Assert.Equal([3, 10, 1], read.Widths);
        Assert.Equal(network.Parameters, read.Parameters);
        PointSet points = problem.EvaluationGrid();
        Assert.Equal(NetworkEvaluation.Values(network, points), NetworkEvaluation.Values(read, points));
    }

    public static TheoryData<string, double> Shipped => new()
    {
        { "poisson-disk", 5e-4 },       // measured 1.5e-4
        { "helmholtz-hole", 1.2e-2 },   // measured 3.7e-3
        { "poisson-lshape", 1e-3 },     // measured 3.1e-4
        { "heat-periodic", 5e-4 },      // measured 1.5e-4
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Train_ShippedGeometryProblemAtCiSize_ReachesErrorBound(string name, double bound)
    {
        CompiledProblem problem = SolverTestKit.Small(SolverTestKit.Load(name), 600, 40,
            [new(5, 30, OptimizerKind.LevenbergMarquardt), new(10, 30, OptimizerKind.LevenbergMarquardt)]);

        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());

        output.WriteLine($"{name}: relative L2 {result.Errors!.RelativeL2:E3}, {result.Steps} steps, {result.Seconds:F1} s");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.Errors.RelativeL2 <= bound, $"{name}: relative L2 {result.Errors.RelativeL2:E3} > {bound:E1}");
    }
}
