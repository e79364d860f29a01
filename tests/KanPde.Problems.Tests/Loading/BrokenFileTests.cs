using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Loading;

public sealed class BrokenFileTests
{
    public static TheoryData<BrokenFile> Cases => [.. BrokenFiles.All];

    [Fact]
    public void Valid_Parsed_Succeeds()
    {
        LoadResult result = ProblemLoader.Parse(BrokenFiles.Valid, "demo.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void All_Counted_AtLeastThirtyDistinctKinds()
    {
        Assert.True(BrokenFiles.All.Count >= 30);
        Assert.Equal(BrokenFiles.All.Count, BrokenFiles.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_BrokenFile_ReportsErrorAtItsPosition(BrokenFile broken)
    {
        LoadResult result = ProblemLoader.Parse(broken.Yaml, "broken.yaml");

        Assert.False(result.Succeeded);
        Assert.Null(result.Problem);
        Diagnostic? match = result.Errors.FirstOrDefault(d => d.Message.Contains(broken.Gist, StringComparison.Ordinal));
        Assert.True(match is not null, $"no error containing \"{broken.Gist}\"; got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.Equal(broken.Line, match.Line);
        if (broken.Column > 0)
        {
            Assert.Equal(broken.Column, match.Column);
        }

        Assert.Equal("broken.yaml", match.File);
    }
}
