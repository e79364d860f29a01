using KanPde.Problems.Loading;

namespace KanPde.Problems.Tests.Loading;

public sealed class KanSymbolicKeyTests
{
    private const string Head = "name: p\nvariables:\n  x: [0, 1]\nequation: u_xx = 0\nconditions:\n  - at: x = 0\n    equation: u = 0\n";

    [Theory]
    [InlineData("", false)]
    [InlineData("kan:\n  symbolic: true\n", true)]
    [InlineData("kan:\n  symbolic: false\n", false)]
    public void Read_KanSymbolic_IsTheFlag(string kan, bool expected)
    {
        LoadResult result = ProblemLoader.Parse(Head + kan, "p.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, result.Problem!.Kan.Symbolic);
    }

    [Fact]
    public void Read_KanSymbolicNotABoolean_IsAnErrorWithItsLine()
    {
        LoadResult result = ProblemLoader.Parse(Head + "kan:\n  symbolic: maybe\n", "p.yaml");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Line == 9 && e.Message.Contains("kan.symbolic must be true or false", StringComparison.Ordinal));
    }
}
