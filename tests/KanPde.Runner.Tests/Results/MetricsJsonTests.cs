using System.Text.Json;
using KanPde.Core.Training;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;

namespace KanPde.Runner.Tests.Results;

public sealed class MetricsJsonTests
{
    // The keys of docs/results-format.md's example, in its order.
    private static readonly string[] MetricKeys =
        ["problem", "model", "status", "width", "parameters", "steps", "evaluations", "attempts", "seconds", "loss", "equation_loss", "condition_loss", "mse", "relative_l2", "max_abs_error", "abs_l2", "stages"];

    private static readonly string[] StageKeys = ["grid", "steps", "parameters", "seconds", "loss", "mse", "relative_l2", "max_abs_error", "abs_l2", "optimizer", "reason"];

    private static string[] Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Metrics_CompletedKan_ExactlyTheSpecKeysWithGridsAndErrors()
    {
        var problem = TestProblems.Compiled(TestProblems.Poisson2d);
        TrainingResult kan = FakeResults.Kan(problem);

        JsonElement root = JsonDocument.Parse(MetricsJson.Metrics("tiny2d", kan)).RootElement;

        Assert.Equal(MetricKeys, Keys(root));
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal([2, 3, 1], root.GetProperty("width").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(kan.Errors!.RelativeL2, root.GetProperty("relative_l2").GetDouble());
        Assert.Equal(kan.Loss, root.GetProperty("loss").GetDouble());
        JsonElement[] stages = [.. root.GetProperty("stages").EnumerateArray()];
        Assert.All(stages, s => Assert.Equal(StageKeys, Keys(s)));
        Assert.Equal([3, 6], stages.Select(s => s.GetProperty("grid").GetInt32()));
        Assert.Equal(kan.Stages.Select(s => s.Parameters), stages.Select(s => s.GetProperty("parameters").GetInt32()));
    }

    [Fact]
    public void Metrics_DivergedMlp_StatusDivergedAtStepAfterStatusAndGridNull()
    {
        var problem = TestProblems.Compiled(TestProblems.Poisson2d);
        TrainingResult mlp = FakeResults.Mlp(problem, TrainingStatus.Diverged, stopAt: 7);

        JsonElement root = JsonDocument.Parse(MetricsJson.Metrics("tiny2d", mlp)).RootElement;

        Assert.Equal([.. MetricKeys[..3], "diverged_at_step", .. MetricKeys[3..]], Keys(root));
        Assert.Equal("diverged", root.GetProperty("status").GetString());
        Assert.Equal(8, root.GetProperty("diverged_at_step").GetInt32());
        Assert.Equal(JsonValueKind.Null, Assert.Single(root.GetProperty("stages").EnumerateArray()).GetProperty("grid").ValueKind);
    }

    [Fact]
    public void Metrics_NoExactSolution_ErrorsAreNull()
    {
        var problem = TestProblems.Compiled(TestProblems.Heat3d);

        JsonElement root = JsonDocument.Parse(MetricsJson.Metrics("tiny3d", FakeResults.Kan(problem))).RootElement;

        Assert.All(new[] { "mse", "relative_l2", "max_abs_error", "abs_l2" }, k => Assert.Equal(JsonValueKind.Null, root.GetProperty(k).ValueKind));
        Assert.All(root.GetProperty("stages").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("mse").ValueKind));
    }

    [Fact]
    public void Metrics_NonFiniteLoss_WrittenAsNull()
    {
        var problem = TestProblems.Compiled(TestProblems.Poisson2d);
        TrainingResult kan = FakeResults.Kan(problem) with { Loss = double.NaN, EquationLoss = double.PositiveInfinity };

        JsonElement root = JsonDocument.Parse(MetricsJson.Metrics("tiny2d", kan)).RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("loss").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("equation_loss").ValueKind);
    }

    [Fact]
    public void Summary_KanOnly_ProblemKanAndNullMlp()
    {
        var problem = TestProblems.Compiled(TestProblems.Poisson1d);

        JsonElement root = JsonDocument.Parse(MetricsJson.Summary("tiny1d", FakeResults.Kan(problem), null)).RootElement;

        Assert.Equal(["problem", "kan", "mlp"], Keys(root));
        Assert.Equal(MetricKeys, Keys(root.GetProperty("kan")));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("mlp").ValueKind);
    }
}
