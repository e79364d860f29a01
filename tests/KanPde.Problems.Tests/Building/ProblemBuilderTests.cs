using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Building;
using KanPde.Problems.Loading;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Building;

public sealed class ProblemBuilderTests
{
    [Fact]
    public void Build_SameProblemAsTheValidFile_HasTheSameSettingsAndDefaults()
    {
        ProblemSpec built = Poisson().Build();
        ProblemSpec file = ProblemLoader.Parse(BrokenFiles.Valid, "demo.yaml").Problem!;

        Assert.Equal(file.Variables, built.Variables);
        Assert.Equal(file.Equation.Residual.ToString(), built.Equation.Residual.ToString());
        Assert.Equal(file.Conditions[0].Faces, built.Conditions[0].Faces);
        Assert.Equal(file.Kan.Width, built.Kan.Width);
        Assert.Equal((file.Kan.Grid, file.Kan.Order, file.Kan.GridUpdate), (built.Kan.Grid, built.Kan.Order, built.Kan.GridUpdate));
        Assert.Equal(file.Training, built.Training);
        Assert.Equal(file.Evaluation, built.Evaluation);
        Assert.Equal((file.Mlp!.Activation, file.Mlp.Steps), (built.Mlp!.Activation, built.Mlp.Steps));
    }

    [Fact]
    public void Build_EverySetting_IsRead()
    {
        ProblemSpec p = Poisson()
            .Description("a \"quoted\" description: with a colon")
            .Constant("k", "2*pi")
            .Constant("a", 0.5)
            .Definition("f", "a*sin(k*x)")
            .Condition("u_x + u = f", ["x = 1"], weight: 3, points: 7)
            .Kan(width: [2, 4, 1], grid: 6, order: 2, gridUpdate: (5, 15))
            .Mlp(width: [2, 8, 1], activation: Activation.Sin, steps: 11)
            .Points(interior: 50, boundary: 9)
            .Weights(equation: 0.5, conditions: 2)
            .Training(seed: 4, sampling: SamplingMethod.Sobol, optimizer: OptimizerKind.Adam, learningRate: 0.01)
            .Schedule([(6, 3, OptimizerKind.LevenbergMarquardt), (12, 4, null)])
            .EvaluationPoints(17)
            .Build();

        Assert.Equal("a \"quoted\" description: with a colon", p.Description);
        Assert.Equal(0.5, p.Constants[1].Value);
        Assert.Equal((3.0, 7), (p.Conditions[1].Weight, p.Conditions[1].PointsPerFace));
        Assert.Equal((6, 2, new GridUpdateSpec(true, 5, 15)), (p.Kan.Grid, p.Kan.Order, p.Kan.GridUpdate));
        Assert.Equal((Activation.Sin, (int?)11), (p.Mlp!.Activation, p.Mlp.Steps));
        Assert.Equal(new PointsSpec(50, 9), p.Training.Points);
        Assert.Equal(new WeightsSpec(0.5, 2), p.Training.Weights);
        Assert.Equal((4L, SamplingMethod.Sobol, (OptimizerKind?)OptimizerKind.Adam, (double?)0.01), (p.Training.Seed, p.Training.Sampling, p.Training.Optimizer, p.Training.LearningRate));
        Assert.Equal([new StageSpec(6, 3, OptimizerKind.LevenbergMarquardt), new StageSpec(12, 4, null)], p.Training.Schedule);
        Assert.Equal(17, p.Evaluation.Points);
    }

    [Fact]
    public void Build_Mistakes_AreAllReportedWithTheirSetting()
    {
        var error = Assert.Throws<ProblemException>(() => Poisson()
            .Equation("u_xx + u_yy = kapa")
            .Constant("kappa", 1)
            .Condition("u = 0", "x = 3")
            .Training(maxSteps: 0)
            .Build());

        Assert.Contains(error.Errors, e => e.StartsWith("the equation: unknown name 'kapa'; did you mean 'kappa'?", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("the faces of condition 2: the face 'x = 3' is off the box", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("training.max_steps: training.max_steps must be positive", StringComparison.Ordinal));
        Assert.Equal(3, error.Errors.Count);
    }

    [Fact]
    public void ToYaml_ReadAsAFile_GivesTheSameProblem()
    {
        ProblemBuilder builder = Poisson().Constant("k", "pi").Kan(grid: 7).NoMlp().Schedule((7, 2));

        ProblemSpec fromFile = ProblemLoader.Parse(builder.ToYaml(), "built.yaml").Problem!;

        ProblemSpec built = builder.Build();
        Assert.Equal(built.Training.Schedule, fromFile.Training.Schedule);
        Assert.Equal(built.Training with { Schedule = null }, fromFile.Training with { Schedule = null });
        Assert.Null(fromFile.Mlp);
        Assert.Equal(7, fromFile.Kan.Grid);
    }

    [Fact]
    public void Train_ExactAsDelegate_MeasuresTheSameErrorsAsTheExpression()
    {
        ProblemSpec p = Poisson().Points(interior: 30, boundary: 5).Schedule((3, 2)).EvaluationPoints(9).Build();
        var options = new SolveOptions(Exact: x => Math.Sin(Math.PI * x[0]) * Math.Sin(Math.PI * x[1]));

        TrainingResult expression = ProblemSolver.Train(p, ModelKind.Kan);
        TrainingResult withDelegate = ProblemSolver.Train(p, ModelKind.Kan, options);

        Assert.Equal(expression.Loss, withDelegate.Loss);
        Assert.Equal(expression.Errors!.RelativeL2, withDelegate.Errors!.RelativeL2, 1e-12);
        Assert.Equal(expression.Errors.MaxAbsError, withDelegate.Errors.MaxAbsError, 1e-12);
    }

    private static ProblemBuilder Poisson() => new ProblemBuilder("demo")
        .Variable("x", -1, 1)
        .Variable("y", -1, 1)
        .Equation("u_xx + u_yy = -2*pi^2*sin(pi*x)*sin(pi*y)")
        .Condition("u = 0", "x = -1", "x = 1", "y = -1", "y = 1")
        .Exact("sin(pi*x)*sin(pi*y)");
}
