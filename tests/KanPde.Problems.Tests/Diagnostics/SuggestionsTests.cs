using KanPde.Problems.Diagnostics;

namespace KanPde.Problems.Tests.Diagnostics;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("stpes", "steps")]
    [InlineData("equaton", "equation")]
    [InlineData("sine", "sin")]
    [InlineData("Sin", "sin")]
    [InlineData("kapa", "kappa")]
    [InlineData("interiour", "interior")]
    public void Closest_Misspelling_FindsIntendedName(string typed, string expected)
    {
        string[] known = ["steps", "equation", "sin", "sinh", "kappa", "interior", "grid", "exact"];

        Assert.Equal(expected, Suggestions.Closest(typed, known));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("z")]
    [InlineData("banana")]
    public void Closest_Unrelated_IsNull(string typed)
    {
        Assert.Null(Suggestions.Closest(typed, ["x", "y", "steps", "exact"]));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_Pairs_AreEditDistances(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
    }
}
