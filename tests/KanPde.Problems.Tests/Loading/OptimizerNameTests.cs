using KanPde.Core.Training;
using KanPde.Problems.Loading;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Loading;

/// <summary>Optimizer names as other tools write them mean the same optimizers; anything else is still an error.</summary>
public sealed class OptimizerNameTests
{
    [Theory]
    [InlineData("lm", OptimizerKind.LevenbergMarquardt)]
    [InlineData("LM", OptimizerKind.LevenbergMarquardt)]
    [InlineData("levenberg_marquardt", OptimizerKind.LevenbergMarquardt)]
    [InlineData("Levenberg-Marquardt", OptimizerKind.LevenbergMarquardt)]
    [InlineData("L-BFGS", OptimizerKind.Lbfgs)]
    [InlineData("Adam", OptimizerKind.Adam)]
    public void Optimizer_OtherSpellings_Accepted(string written, OptimizerKind expected)
    {
        LoadResult result = ProblemLoader.Parse(BrokenFiles.Valid + $"training:\n  optimizer: {written}\n  schedule: [{{grid: 5, steps: 3, optimizer: {written}}}]\n", "o.yaml");

        Assert.NotNull(result.Problem);
        Assert.Equal(expected, result.Problem.Training.Optimizer);
        Assert.Equal(expected, result.Problem.Training.Schedule![0].Optimizer);
    }

    [Fact]
    public void Optimizer_Unknown_StillAnError()
    {
        LoadResult result = ProblemLoader.Parse(BrokenFiles.Valid + "training:\n  optimizer: newton\n", "o.yaml");

        Assert.Null(result.Problem);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("unknown optimizer 'newton'", StringComparison.Ordinal));
    }
}
