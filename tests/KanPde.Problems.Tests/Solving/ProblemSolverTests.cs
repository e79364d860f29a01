using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Tests.Solving;

public sealed class ProblemSolverTests
{
    private static readonly StageSpec[] TwoStages = [new(5, 40, null), new(10, 60, null)];

    [Fact]
    public void Train_AdamWithHugeLearningRate_ComesBackDivergedWithFiniteParameters()
    {
        ProblemSpec spec = SolverTestKit.Load("poisson1d");
        spec = spec with { Training = spec.Training with { Optimizer = OptimizerKind.Adam, LearningRate = 1e300 } };
        CompiledProblem problem = SolverTestKit.Small(spec, 100, 1, [new(5, 200, null)]);
        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.NotNull(result.DivergedAtStep);
        Assert.True(result.DivergedAtStep <= 200);
        Assert.All(result.Network.Parameters, p => Assert.True(double.IsFinite(p)));
        Assert.True(double.IsFinite(result.Loss));
        Assert.All(result.History, h => Assert.True(double.IsFinite(h.Loss)));
    }

    [Fact]
    public void Train_SameSeedTwice_GivesIdenticalHistories()
    {
        CompiledProblem problem = SolverTestKit.Small(SolverTestKit.Load("laplace2d"), 300, 20, TwoStages);
        TrainingResult a = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        TrainingResult b = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        Assert.Equal(a.History.Select(h => h.Loss), b.History.Select(h => h.Loss));
        Assert.Equal(a.Network.Parameters, b.Network.Parameters);
    }

    [Fact]
    public void Train_OtherSeed_GivesOtherNetwork()
    {
        CompiledProblem problem = SolverTestKit.Small(SolverTestKit.Load("laplace2d"), 300, 20, [new(5, 5, null)]);
        TrainingResult a = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        TrainingResult b = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions(Seed: 7));
        Assert.NotEqual(a.Network.Parameters, b.Network.Parameters);
    }

    [Fact]
    public void Train_Cancelled_ReturnsCancelledWithFewerSteps()
    {
        CompiledProblem problem = SolverTestKit.Small(SolverTestKit.Load("laplace2d"), 300, 20, TwoStages);
        using var source = new CancellationTokenSource();
        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions(), step =>
        {
            if (step.Step == 10)
            {
                source.Cancel();
            }
        }, source.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(10, result.Steps);
    }

    [Fact]
    public void Train_Kan_ReportsStagesHistoryAndParameterCounts()
    {
        CompiledProblem problem = SolverTestKit.Small(SolverTestKit.Load("poisson2d"), 400, 20, TwoStages);
        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Kan, new SolveOptions());
        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal([5, 10], result.Stages.Select(s => s.Grid));
        Assert.Equal([300, 450], result.Stages.Select(s => s.Parameters)); // 30 edges × (G + 3 + 2)
        Assert.Equal(450, result.Parameters);
        Assert.Equal(result.Steps, result.History.Count);
        Assert.Equal(Enumerable.Range(1, result.Steps), result.History.Select(h => h.Step));
        Assert.True(result.Evaluations >= result.Steps);
        // loss = 0.01·equation + 1·conditions (docs/problem-format.md), to rounding
        Assert.Equal(result.Loss, 0.01 * result.EquationLoss + result.ConditionLoss, 1e-12 * result.Loss + 1e-300);
        Assert.NotNull(result.Errors);
        Assert.NotNull(result.History[^1].Mse);
        Assert.True(result.History[^1].Loss < result.History[0].Loss);
    }

    [Fact]
    public void Train_Mlp_UsesOneStageWithoutGrid()
    {
        ProblemSpec spec = SolverTestKit.Load("poisson1d");
        spec = spec with { Mlp = spec.Mlp! with { Steps = 30 } };
        CompiledProblem problem = SolverTestKit.Small(spec, 100, 1, TwoStages);
        TrainingResult result = ProblemSolver.Train(problem, ModelKind.Mlp, new SolveOptions());
        Assert.Equal(ModelKind.Mlp, result.Model);
        Assert.Single(result.Stages);
        Assert.Null(result.Stages[0].Grid);
        Assert.Equal(30, result.Steps);
        Assert.Equal(Core.Networks.MlpNetwork.CountParameters(spec.Mlp!.Width), result.Parameters);
    }
}
