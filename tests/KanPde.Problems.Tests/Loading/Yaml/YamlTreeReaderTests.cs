using KanPde.Problems.Loading.Yaml;

namespace KanPde.Problems.Tests.Loading.Yaml;

public sealed class YamlTreeReaderTests
{
    [Fact]
    public void Read_MalformedFlowList_IsASyntaxError()
    {
        var reports = new List<string>();

        YamlTree? tree = YamlTreeReader.Read("name: demo\nvariables: [x: 1\nequation: u = 0\n", (_, m) => reports.Add(m));

        Assert.Null(tree);
        Assert.StartsWith("YAML syntax error", Assert.Single(reports), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InternalErrorWhileReading_PropagatesInsteadOfBecomingASyntaxError()
    {
        // The report callback fails on its first call (a duplicate key) with the same exception type that
        // YamlDotNet throws for some malformed input: that is a bug to surface, not a mistake in the file.
        var reports = new List<string>();
        void Report(int index, string message)
        {
            if (reports.Count == 0)
            {
                reports.Add(message);
                throw new InvalidOperationException("internal failure");
            }

            reports.Add(message);
        }

        var error = Assert.Throws<InvalidOperationException>(() => YamlTreeReader.Read("a: 1\na: 2\n", Report));

        Assert.Equal("internal failure", error.Message);
        Assert.DoesNotContain(reports, m => m.StartsWith("YAML syntax error", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ValidDocument_KeepsKeysInOrder()
    {
        var map = Assert.IsType<YamlMap>(YamlTreeReader.Read("b: 1\na: [2, 3]\n", (_, m) => Assert.Fail(m)));

        Assert.Equal(["b", "a"], map.Entries.Select(e => e.Key.Value));
        Assert.Equal(2, Assert.IsType<YamlList>(map.Entries[1].Value).Items.Count);
    }
}
