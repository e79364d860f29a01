using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Loading;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Tests.Shared;
using Xunit.Abstractions;

namespace KanPde.Problems.Tests.Solving;

/// <summary>
/// <c>schedule: auto</c> on problems written the way a user writes them (tests/problems: no training block), at CI size
/// (at most 800 interior and 40 face points, a budget of 300 steps). Bounds are about three times the relative L2
/// error measured when the test was written (noted per case).
/// </summary>
public sealed class AutoTrainingTests(ITestOutputHelper output)
{
    private static ProblemSpec LoadUserProblem(string name)
    {
        LoadResult result = ProblemLoader.Load(Path.Combine(Repository.Root, "tests", "problems", name + ".yaml"));
        return result.Problem ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    private static CompiledProblem AtCiSize(ProblemSpec spec, int maxSteps, int interior = 800, int perFace = 40)
    {
        Assert.True(ProblemSolver.IsAuto(spec));
        return CompiledProblem.Compile(spec with
        {
            Conditions = [.. spec.Conditions.Select(c => c with { PointsPerFace = Math.Min(c.PointsPerFace, perFace) })],
            Training = spec.Training with
            {
                Points = new PointsSpec(Math.Min(spec.Training.Points.Interior, interior), Math.Min(spec.Training.Points.Boundary, perFace)),
                MaxSteps = maxSteps,
            },
            Evaluation = new EvaluationSpec(Math.Min(spec.Evaluation.Points, spec.Variables.Count > 2 ? 11 : 31)),
        });
    }

    public static TheoryData<string, double> Cases => new()
    {
        { "neumann-end", 1.5e-5 },   // measured 4.8e-6
        { "multiscale1d", 3e-4 },    // 7.5e-5
        { "standing-wave", 3e-3 },   // 9.6e-4
        { "helmholtz-k2", 3e-3 },    // 9.9e-4
        { "poisson3d", 2e-2 },       // 7.0e-3 (800 points in 3-D support only G = 5)
    };

    [Fact]
    public void Train_AutoRunStuckInALocalMinimum_RestartsFromAnotherInitialisation()
    {
        // The [2, 2, 1] KAN of poisson2d-symbolic stops at a loss 1e-2 of its first with seed 0 (its file says so and uses seed 2).
        ProblemSpec spec = SolverTestKit.Load("poisson2d-symbolic");
        spec = spec with { Training = spec.Training with { Schedule = null, Seed = 0, Optimizer = null } };

        TrainingResult result = ProblemSolver.Train(CompiledProblem.Compile(spec), ModelKind.Kan, new SolveOptions());

        output.WriteLine($"attempts {result.Attempts}, relative L2 {result.Errors!.RelativeL2:E2}, loss {result.Loss:E2} from {result.History[0].Loss:E2}");
        Assert.InRange(result.Attempts, 2, 1 + AutoTraining.Restarts);
        Assert.True(result.Errors.RelativeL2 < 2e-2, $"relative L2 {result.Errors.RelativeL2:E2} (measured 4.0e-3; the first attempt 1.1e-1)");
    }

    [Fact]
    public void Train_AutoRunThatConverges_IsNotRestarted()
    {
        ProblemSpec spec = SolverTestKit.Load("poisson1d");
        spec = spec with { Training = spec.Training with { Schedule = null, MaxSteps = 200 } };

        TrainingResult result = ProblemSolver.Train(SolverTestKit.Small(spec, 200, 1, null!), ModelKind.Kan, new SolveOptions());

        Assert.Equal(1, result.Attempts);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Train_UserProblemWithDefaults_ReachesErrorBound(string name, double bound)
    {
        CompiledProblem problem = AtCiSize(LoadUserProblem(name), maxSteps: 300);

        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());

        output.WriteLine($"{name}: relative L2 {result.Errors!.RelativeL2:E3}, {result.Steps} steps, {result.Seconds:F2} s, stages " +
            string.Join(", ", result.Stages.Select(s => $"G={s.Grid} {s.Optimizer} {s.Steps} {s.Reason}")));
        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.Errors.RelativeL2 <= bound, $"{name}: relative L2 {result.Errors.RelativeL2:E3} > {bound:E1}");
    }

    [Theory]
    [InlineData(1, true, 100)]   // per axis: 10,000 distinct values; the cap
    [InlineData(2, true, 50)]    // per axis: 100 per axis / 2 (the parameter rule gives 36)
    [InlineData(3, true, 26)]    // parameters: 10,000 / 8 / 40 edges − 5 (per axis gave 10)
    [InlineData(5, true, 15)]    // parameters: 10,000 / 8 / 60 edges − 5 (per axis gave 3, so the start grid)
    [InlineData(3, false, 10)]   // a tensor grid of 21³ points: 21 distinct values per axis
    public void MaxGrid_TenThousandPoints_PerAxisOnAGridOrByParametersWhenScattered(int dimension, bool scattered, int expected)
    {
        int[] width = [dimension, 10, 1];

        Assert.Equal(expected, AutoTraining.MaxGrid(width, 3, 10000, dimension, AutoTraining.StartGrid, scattered));
    }

    [Fact]
    public void Train_Auto_StagesDoubleTheGridEachWithAReasonAndTheRunIsReproducible()
    {
        CompiledProblem problem = AtCiSize(LoadUserProblem("neumann-end"), maxSteps: 120, interior: 200);

        TrainingResult a = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        TrainingResult b = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());

        Assert.Equal(5, a.Stages[0].Grid);
        for (int s = 1; s < a.Stages.Count; s++)
        {
            Assert.True(a.Stages[s].Grid > a.Stages[s - 1].Grid && a.Stages[s].Grid <= 2 * a.Stages[s - 1].Grid);
            Assert.Contains(a.Stages[s - 1].Reason, new[] { StageEndReason.Stalled, StageEndReason.Steps });
        }

        Assert.True(a.Steps <= 120);
        Assert.Equal(a.Steps == 120, a.Stages[^1].Reason == StageEndReason.MaxSteps);
        Assert.Equal(a.Network.Parameters, b.Network.Parameters);
        Assert.Equal(a.History.Select(h => h.Loss), b.History.Select(h => h.Loss));
    }

    [Fact]
    public void Train_AutoWithATinyBudget_EndsWithMaxSteps()
    {
        CompiledProblem problem = AtCiSize(LoadUserProblem("poisson3d"), maxSteps: 3, interior: 100, perFace: 10);

        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());

        Assert.Equal(3, result.Steps);
        Assert.Equal(StageEndReason.MaxSteps, Assert.Single(result.Stages).Reason);
    }

    [Fact]
    public void Train_MlpWithoutSteps_GetsTheKansLossEvaluations()
    {
        ProblemSpec spec = LoadUserProblem("neumann-end");
        CompiledProblem problem = AtCiSize(spec with { Mlp = spec.Mlp! with { Width = [1, 16, 16, 1] } }, maxSteps: 40, interior: 100);

        TrainingResult kan = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        TrainingResult mlp = ProblemSolver.Train(problem, ModelKind.Mlp, new SolveOptions(MlpEvaluations: kan.Evaluations));

        Assert.Equal(StageEndReason.MaxEvaluations, Assert.Single(mlp.Stages).Reason);
        Assert.InRange(mlp.Evaluations, kan.Evaluations, kan.Evaluations + 30); // the last L-BFGS step completes its line search
    }
}
