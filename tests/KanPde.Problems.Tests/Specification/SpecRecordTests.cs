using KanPde.Core.Networks;
using KanPde.Core.Training;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Tests.Specification;

public sealed class SpecRecordTests
{
    public static TheoryData<string, Func<object>> Invalid => new()
    {
        { "Grid", () => new StageSpec(0, 10, null) },
        { "Steps", () => new StageSpec(5, 0, null) },
        { "Optimizer", () => new StageSpec(5, 10, (OptimizerKind)99) },
        { "Interior", () => new PointsSpec(0, 10) },
        { "Boundary", () => new PointsSpec(10, -1) },
        { "Points", () => new EvaluationSpec(1) },
        { "Every", () => new GridUpdateSpec(true, 0, 30) },
        { "Until", () => new GridUpdateSpec(true, 10, -1) },
        { "Grid", () => new KanSpec([2, 10, 1], 0, 3, null) },
        { "Order", () => new KanSpec([2, 10, 1], 5, 1, null) },
        { "Width", () => new KanSpec([2], 5, 3, null) },
        { "Width", () => new KanSpec([2, 0, 1], 5, 3, null) },
        { "Width", () => new KanSpec([2, 10, 2], 5, 3, null) },
        { "Width", () => new MlpSpec([2, 10, 3], Activation.Tanh, null) },
        { "Activation", () => new MlpSpec([2, 10, 1], (Activation)42, null) },
        { "Steps", () => new MlpSpec([2, 10, 1], Activation.Tanh, 0) },
        { "MaxSteps", () => Training() with { MaxSteps = 0 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_InvalidArgument_ThrowsNamingIt(string parameter, Func<object> create)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void With_InvalidValue_ThrowsAsTheConstructorDoes()
    {
        var stage = new StageSpec(5, 10, null);
        var mlp = new MlpSpec([2, 10, 1], Activation.Tanh, 30);

        Assert.Equal("Steps", Assert.Throws<ArgumentOutOfRangeException>(() => stage with { Steps = 0 }).ParamName);
        Assert.Equal("Steps", Assert.Throws<ArgumentOutOfRangeException>(() => mlp with { Steps = -3 }).ParamName);
        Assert.Equal(7, (stage with { Grid = 7 }).Grid);
    }

    [Fact]
    public void TrainingSpec_EmptyExplicitSchedule_IsRejectedAndNullMeansAuto()
    {
        Assert.Throws<ArgumentException>(() => Training() with { Schedule = [] });
        Assert.True(Training().IsAuto);
        Assert.False((Training() with { Schedule = [new StageSpec(5, 1, null)] }).IsAuto);
    }

    [Fact]
    public void Valid_Arguments_AreKept()
    {
        Assert.Equal((5, 10), (new GridUpdateSpec(true, 5, 10).Every, new GridUpdateSpec(true, 5, 10).Until));
        Assert.Null(new MlpSpec([2, 10, 1], Activation.Sin, null).Steps);
        Assert.Equal(2, new EvaluationSpec(2).Points);
        Assert.False(GridUpdateSpec.Disabled.Enabled);
    }

    private static TrainingSpec Training() =>
        new(0, new PointsSpec(10, 10), Core.Sampling.SamplingMethod.Uniform, new WeightsSpec(0.01, 1), null, null, null);
}
