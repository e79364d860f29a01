using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using Xunit.Abstractions;

namespace KanPde.Problems.Tests.Solving;

/// <summary>
/// Every shipped problem, shrunk to CI size here (at most 800 interior and 40 face points per condition,
/// grids 5 → 10, 150 + 250 L-BFGS steps), solved by the KAN against its analytic solution. Bounds are about
/// three times the relative L2 error measured when the test was written (noted per case), so they catch a
/// broken solver without being tuned to the last digit.
/// </summary>
public sealed class ShippedProblemRegressionTests(ITestOutputHelper output)
{
    private static readonly StageSpec[] Schedule = [new(5, 150, null), new(10, 250, null)];

    public static TheoryData<string, double> Cases => new()
    {
        { "poisson1d", 1e-3 },      // measured 3.0e-4
        { "poisson2d", 1.5e-2 },    // 5.0e-3
        { "poisson2d-sin", 5e-3 },  // 1.4e-3
        { "poisson2d-lm", 1.5e-2 },  // 4.6e-3 (L-BFGS here: this test checks the problem, not LM)
        { "heat1d", 5e-4 },          // 9.9e-5
        { "heat2d", 5e-3 },          // 1.3e-3
        { "wave1d", 5e-2 },          // 1.4e-2
        { "helmholtz2d", 2e-1 },     // 5.5e-2
        { "laplace2d", 5e-4 },       // 1.2e-4
        { "mixed2d", 6e-3 },         // 2.0e-3
        { "nonlinear2d", 6e-3 },     // 1.8e-3
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Train_ShippedProblemAtCiSize_ReachesErrorBound(string name, double bound)
    {
        ProblemSpec spec = SolverTestKit.Load(name);
        spec = spec with { Training = spec.Training with { Optimizer = OptimizerKind.Lbfgs } };
        CompiledProblem problem = SolverTestKit.Small(spec, 800, 40, Schedule);
        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        output.WriteLine($"{name}: relative L2 {result.Errors!.RelativeL2:E3}, MSE {result.Errors.Mse:E3}, {result.Seconds:F2} s, {result.Steps} steps");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.Errors.RelativeL2 <= bound, $"{name}: relative L2 {result.Errors.RelativeL2:E3} > {bound:E1}");
    }

    [Fact]
    public void Train_MlpBaselineOnPoisson1d_ReachesErrorBound()
    {
        ProblemSpec spec = SolverTestKit.Load("poisson1d");
        spec = spec with { Mlp = spec.Mlp! with { Steps = 300 } };
        CompiledProblem problem = SolverTestKit.Small(spec, 200, 1, Schedule);
        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Mlp, new SolveOptions());
        output.WriteLine($"mlp poisson1d: relative L2 {result.Errors!.RelativeL2:E3}, {result.Seconds:F2} s");
        Assert.True(result.Errors.RelativeL2 <= 2e-4, $"relative L2 (measured 4.1e-5) {result.Errors.RelativeL2:E3}");
    }
}
