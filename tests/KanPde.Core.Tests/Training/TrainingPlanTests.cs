using KanPde.Core.Training;

namespace KanPde.Core.Tests.Training;

public sealed class TrainingPlanTests
{
    public static TheoryData<string, Func<object>> Invalid => new()
    {
        { "Every", () => new GridUpdateSchedule(0, 30) },
        { "Until", () => new GridUpdateSchedule(10, -1) },
        { "Grid", () => new TrainingStage(0, 10, OptimizerKind.Lbfgs) },
        { "Steps", () => new TrainingStage(5, -1, OptimizerKind.Lbfgs) },
        { "Optimizer", () => new TrainingStage(5, 10, (OptimizerKind)9) },
        { "ErrorEvery", () => new TrainerSettings(ErrorEvery: 0) },
        { "LearningRate", () => new TrainerSettings(LearningRate: 0) },
        { "LearningRate", () => new TrainerSettings(LearningRate: double.NaN) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_InvalidArgument_ThrowsNamingIt(string parameter, Func<object> create)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(create).ParamName);
    }

    [Fact]
    public void Constructor_ValidArguments_AreKept()
    {
        Assert.Equal(new TrainingStage(null, 0, OptimizerKind.Adam), new TrainingStage(null, 0, OptimizerKind.Adam));
        Assert.Equal((1, 0), (new GridUpdateSchedule(1, 0).Every, new GridUpdateSchedule(1, 0).Until));
        Assert.Null(new TrainerSettings().LearningRate);
    }
}
