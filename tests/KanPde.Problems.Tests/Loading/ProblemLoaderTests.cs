using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Loading;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Loading;

public sealed class ProblemLoaderTests
{
    [Fact]
    public void Parse_SmallestFile_ResolvesEveryDefault()
    {
        ProblemSpec p = Load(BrokenFiles.Valid);

        Assert.Equal("demo", p.Name);
        Assert.Null(p.Description);
        Assert.Equal([new VariableSpec("x", -1, 1), new VariableSpec("y", -1, 1)], p.Variables);
        Assert.Equal([2, 10, 1], p.Kan.Width);
        Assert.Equal(5, p.Kan.Grid);
        Assert.Equal(3, p.Kan.Order);
        Assert.Null(p.Kan.GridUpdate);
        Assert.NotNull(p.Mlp);
        Assert.Equal([2, 100, 100, 100, 1], p.Mlp.Width);
        Assert.Equal(Activation.Tanh, p.Mlp.Activation);
        Assert.Null(p.Mlp.Steps);
        Assert.Equal(0, p.Training.Seed);
        Assert.Equal(new PointsSpec(10000, 200), p.Training.Points);
        Assert.Equal(SamplingMethod.Uniform, p.Training.Sampling);
        Assert.Equal(new WeightsSpec(0.01, 1), p.Training.Weights);
        Assert.Null(p.Training.Optimizer);
        Assert.Null(p.Training.LearningRate);
        Assert.Null(p.Training.Schedule);
        Assert.True(p.Training.IsAuto);
        Assert.Null(p.Training.MaxSteps);
        Assert.Equal(101, p.Evaluation.Points);
        ConditionSpec condition = Assert.Single(p.Conditions);
        Assert.Equal(1, condition.Weight);
        Assert.Equal(200, condition.PointsPerFace);
        Assert.Equal(["x = -1", "x = 1", "y = -1", "y = 1"], condition.Faces.Select(f => f.ToString()));
        Assert.Equal([false, true, false, true], condition.Faces.Select(f => f.High));
    }

    [Fact]
    public void Parse_EverySetting_IsRead()
    {
        string text = BrokenFiles.Valid.Replace("    equation: u = 0", "    equation: u = 0\n    weight: 10\n    points: 33", StringComparison.Ordinal) + """
            description: a test
            constants:
              k: 2*pi
              k2: k^2
            definitions:
              f: k2*x
              g: f + y
            kan:
              width: [2, 5, 5, 1]
              grid: 7
              order: 4
              grid_update: {every: 10, until: 50}
            mlp:
              width: [2, 20, 1]
              activation: silu
              steps: 42
            training:
              seed: 3
              points: {interior: 500, boundary: 20}
              sampling: halton
              weights: {equation: 0.1, conditions: 2}
              optimizer: adam
              learning_rate: 1e-3
              schedule:
                - {grid: 3, steps: 10, optimizer: lm}
                - {grid: 6, steps: 20}
            evaluation:
              points: 41

            """;

        ProblemSpec p = Load(text);

        Assert.Equal("a test", p.Description);
        Assert.Equal(4 * Math.PI * Math.PI, p.Constants[1].Value, 12);
        Assert.Equal(["f", "g"], p.Definitions.Select(d => d.Name));
        Assert.Equal((7, 4, new GridUpdateSpec(true, 10, 50)), (p.Kan.Grid, p.Kan.Order, p.Kan.GridUpdate));
        Assert.Equal([2, 5, 5, 1], p.Kan.Width);
        Assert.Equal(Activation.Silu, p.Mlp!.Activation);
        Assert.Equal(42, p.Mlp.Steps);
        Assert.Equal(3, p.Training.Seed);
        Assert.Equal(new PointsSpec(500, 20), p.Training.Points);
        Assert.Equal(SamplingMethod.Halton, p.Training.Sampling);
        Assert.Equal(new WeightsSpec(0.1, 2), p.Training.Weights);
        Assert.Equal(OptimizerKind.Adam, p.Training.Optimizer);
        Assert.Equal(1e-3, p.Training.LearningRate);
        Assert.Equal([new StageSpec(3, 10, OptimizerKind.LevenbergMarquardt), new StageSpec(6, 20, null)], p.Training.Schedule);
        Assert.Equal(41, p.Evaluation.Points);
        Assert.Equal(10, p.Conditions[0].Weight);
        Assert.Equal(33, p.Conditions[0].PointsPerFace);
    }

    [Fact]
    public void Parse_NoneSettings_DisableMlpAndGridUpdate()
    {
        ProblemSpec p = Load(BrokenFiles.Valid + "mlp: none\nkan:\n  grid_update: none\n");

        Assert.Null(p.Mlp);
        Assert.Same(GridUpdateSpec.Disabled, p.Kan.GridUpdate);
    }

    [Fact]
    public void Parse_KanGridDefault_IsFirstScheduleStage()
    {
        ProblemSpec p = Load(BrokenFiles.Valid + "training:\n  schedule: [{grid: 8, steps: 5}]\n");

        Assert.Equal(8, p.Kan.Grid);
        Assert.Null(p.Mlp!.Steps);
        Assert.Equal(5, ProblemSolver.PlannedSteps(p, ModelKind.Mlp));
    }

    [Fact]
    public void Parse_DefinitionsAndConstants_AreSubstitutedIntoTheEquation()
    {
        ProblemSpec p = Load(BrokenFiles.Valid.Replace("= -2*pi^2*sin(pi*x)*sin(pi*y)", "= f", StringComparison.Ordinal) + "constants:\n  a: 2\ndefinitions:\n  f: -a*pi^2*sin(pi*x)*sin(pi*y)\n");

        double direct = p.Equation.Right.Evaluate([0.3, 0.4]);

        Assert.Equal(-2 * Math.PI * Math.PI * Math.Sin(Math.PI * 0.3) * Math.Sin(Math.PI * 0.4), direct, 12);
        Assert.Equal([DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1)], p.Equation.Residual.Fields());
    }

    [Fact]
    public void Parse_BoundsAndFacesFromConstants_MatchExactly()
    {
        ProblemSpec p = Load("name: ring\nvariables:\n  t: [0, 2*pi]\nequation: u_tt + u = 0\nconditions:\n  - at: [t = 0, t = 2*pi]\n    equation: u = 1\n");

        Assert.Equal(2 * Math.PI, p.Variables[0].High);
        Assert.Equal([false, true], p.Conditions[0].Faces.Select(f => f.High));
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsAllInFileOrder()
    {
        string text = BrokenFiles.Valid.Replace("u = 0", "u = sinn(x)", StringComparison.Ordinal) + "training:\n  seed: -1\nkan:\n  order: 1\n";

        LoadResult result = ProblemLoader.Parse(text, "many.yaml");

        Assert.Equal([8, 11, 13], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.StartsWith("many.yaml:", e.ToString()));
    }

    [Fact]
    public void Parse_BlockScalarExpression_PointsAtTheLineOfTheMistake()
    {
        string text = BrokenFiles.Valid.Replace("exact: sin(pi*x)*sin(pi*y)", "exact: >\n  sin(pi*x)*\n  sni(pi*y)", StringComparison.Ordinal);

        LoadResult result = ProblemLoader.Parse(text, "block.yaml");

        Assert.Contains(result.Errors, e => e.Line == 11 && e.Column == 3 && e.Message.Contains("unknown function 'sni'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_IsADiagnostic()
    {
        LoadResult result = ProblemLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-kanpde-file.yaml"));

        Assert.Contains("file not found", Assert.Single(result.Errors).Message);
    }

    private static ProblemSpec Load(string text)
    {
        LoadResult result = ProblemLoader.Parse(text, "test.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Problem!;
    }
}
