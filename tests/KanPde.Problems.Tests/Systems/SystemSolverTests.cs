using KanPde.Core.Networks;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Models;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Problems.Tests.Solving;
using Xunit.Abstractions;

namespace KanPde.Problems.Tests.Systems;

/// <summary>
/// The shipped systems and the inverse problem, shrunk to CI size (fewer points, two short LM stages), solved by
/// the KAN. Bounds are about three times the figures measured when the test was written (noted per case).
/// </summary>
public sealed class SystemSolverTests(ITestOutputHelper output)
{
    private static readonly StageSpec[] Lm = [new(5, 30, OptimizerKind.LevenbergMarquardt), new(10, 30, OptimizerKind.LevenbergMarquardt)];

    private static (TrainingResult Result, IReadOnlyList<UnknownErrors> Unknowns, CompiledProblem Problem) Solve(string name, int interior, int perFace)
    {
        CompiledProblem problem = SolverTestKit.Small(SolverTestKit.Load(name), interior, perFace, Lm);
        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        return (result, SystemResults.Unknowns(problem, result.Network), problem);
    }

    [Fact]
    public void Train_InverseHeatAtCiSize_RecoversTheDiffusivityFromNoisyData()
    {
        (TrainingResult result, IReadOnlyList<UnknownErrors> unknowns, CompiledProblem problem) = Solve("heat-inverse", 600, 30);

        ParameterValue kappa = Assert.Single(SystemResults.Parameters(problem.Spec, result.Network));
        output.WriteLine($"heat-inverse: kappa {kappa.Value:G6} (relative error {kappa.RelativeError:E2}), u relative L2 {unknowns[0].Errors!.RelativeL2:E3}, {result.Steps} steps");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(0.5, kappa.Initial);
        Assert.True(kappa.RelativeError <= 2e-3, $"kappa {kappa.Value} (measured relative error 6.5e-4)");
        Assert.True(unknowns[0].Errors!.RelativeL2 <= 2.5e-3, $"u relative L2 {unknowns[0].Errors!.RelativeL2:E3} (measured 7.5e-4)");
    }

    [Fact]
    public void Train_ReactionDiffusionPairAtCiSize_SolvesBothUnknowns()
    {
        (TrainingResult result, IReadOnlyList<UnknownErrors> unknowns, _) = Solve("reaction-diffusion", 600, 30);

        output.WriteLine($"reaction-diffusion: u {unknowns[0].Errors!.RelativeL2:E3}, v {unknowns[1].Errors!.RelativeL2:E3}, stacked {result.Errors!.RelativeL2:E3}, {result.Steps} steps");
        Assert.Equal(["u", "v"], unknowns.Select(u => u.Name));
        Assert.True(unknowns[0].Errors!.RelativeL2 <= 5e-5, $"u {unknowns[0].Errors!.RelativeL2:E3} (measured 1.6e-5)");
        Assert.True(unknowns[1].Errors!.RelativeL2 <= 6e-5, $"v {unknowns[1].Errors!.RelativeL2:E3} (measured 1.8e-5)");
    }

    [Fact]
    public void Train_KovasznayAtCiSize_BringsEveryUnknownBelowOnePercent()
    {
        (TrainingResult result, IReadOnlyList<UnknownErrors> unknowns, _) = Solve("kovasznay", 500, 25);

        output.WriteLine($"kovasznay: {string.Join(", ", unknowns.Select(u => $"{u.Name} {u.Errors!.RelativeL2:E3}"))}, stacked {result.Errors!.RelativeL2:E3}, {result.Steps} steps, {result.Seconds:F1} s");
        Assert.Equal(["u", "v", "p"], unknowns.Select(u => u.Name));
        Assert.All(unknowns, u => Assert.True(u.Errors!.RelativeL2 <= 1e-2, $"{u.Name} {u.Errors!.RelativeL2:E3} (measured u 6.5e-4, v 2.5e-3, p 2.7e-3)"));
    }

    [Fact]
    public void Train_SystemSameSeedTwice_GivesIdenticalParametersAndHistory()
    {
        CompiledProblem problem = SolverTestKit.Small(SolverTestKit.Load("heat-inverse"), 200, 10, [new(5, 8, OptimizerKind.LevenbergMarquardt)]);

        TrainingResult a = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        TrainingResult b = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());

        Assert.Equal(a.Network.Parameters, b.Network.Parameters);
        Assert.Equal(a.History.Select(h => h.Loss), b.History.Select(h => h.Loss));
    }

    [Fact]
    public void Train_InverseProblemWithMlp_TrainsTheParameterToo()
    {
        ProblemSpec spec = SolverTestKit.Load("heat-inverse");
        spec = spec with { Mlp = spec.Mlp! with { Steps = 40 } };
        CompiledProblem problem = SolverTestKit.Small(spec, 200, 10, Lm);

        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Mlp, new SolveOptions());

        ParameterValue kappa = Assert.Single(SystemResults.Parameters(problem.Spec, result.Network));
        output.WriteLine($"heat-inverse MLP: kappa {kappa.Value:G6} after {result.Steps} steps");
        Assert.NotEqual(kappa.Initial, kappa.Value);
        Assert.IsType<MlpNetwork>(((SystemNetwork)result.Network).Unknown(0));
    }
}
