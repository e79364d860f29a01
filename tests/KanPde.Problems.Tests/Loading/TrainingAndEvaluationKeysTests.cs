using KanPde.Problems.Compilation;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading;
using KanPde.Problems.Specification;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Loading;

public sealed class TrainingAndEvaluationKeysTests
{
    [Fact]
    public void Parse_ScheduleAuto_IsAutoWithItsStepBudget()
    {
        ProblemSpec p = Load(BrokenFiles.Valid + "training:\n  schedule: auto\n  max_steps: 500\n");

        Assert.True(p.Training.IsAuto);
        Assert.Null(p.Training.Schedule);
        Assert.Equal(500, p.Training.MaxSteps);
        Assert.Equal(5, p.Kan.Grid);
    }

    [Fact]
    public void Parse_MaxStepsWithoutSchedule_IsAuto()
    {
        ProblemSpec p = Load(BrokenFiles.Valid + "training:\n  max_steps: 7\n");

        Assert.True(p.Training.IsAuto);
        Assert.Equal(7, p.Training.MaxSteps);
    }

    [Fact]
    public void Parse_QuotedAuto_IsNotTheWordAuto()
    {
        LoadResult result = ProblemLoader.Parse(BrokenFiles.Valid + "training:\n  schedule: \"auto\"\n", "quoted.yaml");

        Assert.Contains(result.Errors, e => e.Message.Contains("must be auto or a non-empty list", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ExplicitSchedule_KeepsItsStagesAndNoBudget()
    {
        ProblemSpec p = Load(BrokenFiles.Valid + "training:\n  schedule: [{grid: 4, steps: 9}]\n");

        Assert.False(p.Training.IsAuto);
        Assert.Equal([new StageSpec(4, 9, null)], p.Training.Schedule);
        Assert.Null(p.Training.MaxSteps);
        Assert.Equal(4, p.Kan.Grid);
    }

    [Theory]
    [InlineData(1, 101)]
    [InlineData(2, 101)]
    [InlineData(3, 58)]
    [InlineData(4, 21)]
    [InlineData(5, 11)]
    public void Parse_DefaultEvaluationPoints_DependOnTheNumberOfVariables(int variables, int expected)
    {
        ProblemSpec p = Load(File(variables, ""));

        Assert.Equal(expected, p.Evaluation.Points);
        Assert.True(Math.Pow(expected, variables) <= EvaluationSpec.DefaultTotal);
        Assert.True(expected == EvaluationSpec.DefaultMaxPerAxis || Math.Pow(expected + 1, variables) > EvaluationSpec.DefaultTotal);
    }

    [Fact]
    public void Compile_FiveVariablesWithDefaults_ValidatesAndBuildsTheEvaluationGrid()
    {
        ProblemSpec p = Load(File(5, ""));

        var grid = CompiledProblem.Compile(p).EvaluationGrid();

        Assert.Equal(5, grid.Dimension);
        Assert.Equal(161_051, grid.Count);
    }

    [Fact]
    public void Parse_FiveVariablesWithTheTwoVariableDefault_IsAnErrorNamingEvaluationPoints()
    {
        string text = File(5, "evaluation:\n  points: 101\n");

        LoadResult result = ProblemLoader.Parse(text, "five.yaml");

        Diagnostic error = Assert.Single(result.Errors);
        Assert.Contains("evaluation.points = 101 per axis makes a grid of 101^5 points", error.Message, StringComparison.Ordinal);
        Assert.Contains("the default for 5 variables is 11", error.Message, StringComparison.Ordinal);
        Assert.Equal((text.Split('\n').Length - 1, 11), (error.Line, error.Column));
    }

    // A Poisson-like problem in the first `variables` of x, y, z, t, s, with u = 0 on the faces of x.
    private static string File(int variables, string extra)
    {
        string[] names = ["x", "y", "z", "t", "s"];
        string vars = string.Concat(names.Take(variables).Select(n => $"  {n}: [0, 1]\n"));
        string laplacian = string.Join(" + ", names.Take(variables).Select(n => $"u_{n}{n}"));
        return $"name: d{variables}\nvariables:\n{vars}equation: {laplacian} = 1\nconditions:\n  - at: [x = 0, x = 1]\n    equation: u = 0\n{extra}";
    }

    private static ProblemSpec Load(string text)
    {
        LoadResult result = ProblemLoader.Parse(text, "test.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Problem!;
    }
}
