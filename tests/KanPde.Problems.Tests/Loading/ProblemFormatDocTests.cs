using System.Text.RegularExpressions;
using KanPde.Problems.Loading;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Loading;

/// <summary>docs/problem-format.md documents exactly the keys the reader accepts, section by section.</summary>
public sealed class ProblemFormatDocTests
{
    // A file with an unknown key in each section, to see which keys the reader itself lists for it.
    private static readonly Dictionary<string, string> UnknownKeyIn = new()
    {
        ["Top-level keys"] = BrokenFiles.Valid + "zzqqx: 1\n",
        ["Conditions"] = BrokenFiles.Valid.Replace("    equation: u = 0", "    equation: u = 0\n    zzqqx: 1", StringComparison.Ordinal),
        ["`kan`"] = BrokenFiles.Valid + "kan:\n  zzqqx: 1\n",
        ["`kan.grid_update`"] = BrokenFiles.Valid + "kan:\n  grid_update: {every: 1, until: 1, zzqqx: 1}\n",
        ["`mlp`"] = BrokenFiles.Valid + "mlp:\n  zzqqx: 1\n",
        ["`training`"] = BrokenFiles.Valid + "training:\n  zzqqx: 1\n",
        ["`training.points`"] = BrokenFiles.Valid + "training:\n  points: {zzqqx: 1}\n",
        ["`training.weights`"] = BrokenFiles.Valid + "training:\n  weights: {zzqqx: 1}\n",
        ["Stages of `training.schedule`"] = BrokenFiles.Valid + "training:\n  schedule: [{grid: 5, steps: 1, zzqqx: 1}]\n",
        ["`evaluation`"] = BrokenFiles.Valid + "evaluation:\n  zzqqx: 1\n",
        ["`parameters`"] = BrokenFiles.Valid + "parameters:\n  kappa: {initial: 1, zzqqx: 1}\n",
        ["Entries of `data`"] = BrokenFiles.Valid + "data:\n  - {from_exact: 10, zzqqx: 1}\n",
        ["Domain"] = BrokenFiles.Valid + "domain:\n  shape: disk\n  zzqqx: 1\n",
    };

    public static TheoryData<string> Headings => [.. ProblemKeys.Sections.Select(s => s.Heading)];

    [Theory]
    [MemberData(nameof(Headings))]
    public void Doc_EverySection_DocumentsExactlyTheAcceptedKeys(string heading)
    {
        IReadOnlyList<string> accepted = ProblemKeys.Sections.Single(s => s.Heading == heading).Keys;
        Dictionary<string, List<string>> documented = DocumentedKeys();

        Assert.True(documented.TryGetValue(heading, out List<string>? keys), $"docs/problem-format.md has no key table under a heading '{heading}'");
        Assert.Empty(accepted.Except(keys));
        Assert.Empty(keys.Except(accepted));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Doc_KeyTables_AreOnlyUnderKnownSections()
    {
        Assert.Empty(DocumentedKeys().Keys.Except(ProblemKeys.Sections.Select(s => s.Heading)));
    }

    [Theory]
    [MemberData(nameof(Headings))]
    public void Reader_UnknownKey_ListsExactlyTheSectionsKeys(string heading)
    {
        IReadOnlyList<string> accepted = ProblemKeys.Sections.Single(s => s.Heading == heading).Keys;

        LoadResult result = ProblemLoader.Parse(UnknownKeyIn[heading], "unknown.yaml");

        string message = Assert.Single(result.Errors, e => e.Message.StartsWith("unknown key 'zzqqx'", StringComparison.Ordinal)).Message;
        Assert.EndsWith($"expected one of: {string.Join(", ", accepted)}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_EveryMapOfTheFormat_HasATestFile()
    {
        Assert.Equal(ProblemKeys.Sections.Select(s => s.Heading).Order(), UnknownKeyIn.Keys.Order());
    }

    /// <summary>Per heading, the first-column keys of the tables whose first header cell is "key".</summary>
    private static Dictionary<string, List<string>> DocumentedKeys()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "problem-format.md"));
        var result = new Dictionary<string, List<string>>();
        string heading = "";
        bool inKeyTable = false;
        foreach (string line in lines)
        {
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
                inKeyTable = false;
                continue;
            }

            if (!line.StartsWith('|'))
            {
                inKeyTable = false;
                continue;
            }

            string first = line.Split('|')[1].Trim();
            if (first == "key")
            {
                inKeyTable = true;
                continue;
            }

            if (inKeyTable && !first.StartsWith("---", StringComparison.Ordinal))
            {
                Match key = Regex.Match(first, "^`([a-z_]+)`$");
                Assert.True(key.Success, $"the first cell of a key table must be one `key`, not '{first}' (under '{heading}')");
                (result.TryGetValue(heading, out List<string>? keys) ? keys : result[heading] = []).Add(key.Groups[1].Value);
            }
        }

        return result;
    }
}
