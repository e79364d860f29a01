using KanPde.Problems.Models;
using System.Text.Json;
using KanPde.Runner.Plotting;
using KanPde.Runner.Tests.Plotting;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;

namespace KanPde.Runner.Tests.Results;

public sealed class ResultsWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kanpde-writer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void Save_ExactAndBothModels_EveryFileOfTheSpec()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

        string folder = new ResultsWriter(new OxyChartRenderer()).Save(_root, outcome);

        Assert.Equal(Path.Combine(_root, "tiny2d"), folder);
        Assert.Equal(
            ["activations.png", "activations.svg", "convergence-time.png", "convergence-time.svg", "convergence.png", "convergence.svg",
             "error.png", "error.svg", "kan/history.csv", "kan/metrics.json", "kan/model.json", "mlp/history.csv", "mlp/metrics.json",
             "mlp/model.json", "problem.yaml", "report.html", "scaling.png", "scaling.svg", "solution.png", "solution.svg",
             "summary.json", "summary.md"],
            Files(folder));
        foreach (string figure in Files(folder).Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            Pictures.Svg(File.ReadAllText(Path.Combine(folder, figure)));
            Pictures.Png(File.ReadAllBytes(Path.Combine(folder, Path.ChangeExtension(figure, ".png"))));
        }

        Assert.Equal(TestProblems.Poisson2d, File.ReadAllText(Path.Combine(folder, "problem.yaml")));
        Assert.Equal([Path.Combine(_root, "tiny2d")], Directory.GetDirectories(_root));
    }

    [Fact]
    public void Save_NoMlp_NoMlpFolderAndSummaryMlpNull()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson1d));

        string folder = new ResultsWriter(new OxyChartRenderer()).Save(_root, outcome);

        Assert.DoesNotContain(Files(folder), f => f.StartsWith("mlp/", StringComparison.Ordinal));
        Assert.Contains("error.svg", Files(folder));
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("mlp").ValueKind);
    }

    [Fact]
    public void Save_NoExact_NoErrorPlot()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Heat3d));

        string folder = new ResultsWriter(new OxyChartRenderer()).Save(_root, outcome);

        Assert.DoesNotContain("error.svg", Files(folder));
        Assert.DoesNotContain("error.png", Files(folder));
        Assert.Contains("solution.svg", Files(folder));
    }

    [Fact]
    public void Save_ModelFileWritten_ReadsBackTheTrainedNetwork()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

        string folder = new ResultsWriter(new OxyChartRenderer()).Save(_root, outcome);

        var read = ModelFile.Read(File.ReadAllText(Path.Combine(folder, "mlp", "model.json")));
        Assert.Equal(outcome.Mlp!.Network.Parameters, read.Parameters);
    }

    [Fact]
    public void SummaryMarkdown_BothModels_TableWithOneRowPerModel()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));

        string md = SummaryTable.Create("tiny2d", outcome.Models).ToMarkdown();

        string[] lines = md.Split('\n');
        Assert.Equal("# tiny2d", lines[0]);
        Assert.StartsWith("| model | width | parameters | steps | status | MSE | relative L2 | max |error| | seconds | evaluations |", lines[2].Replace("\\|", "|", StringComparison.Ordinal));
        Assert.StartsWith("| KAN | [2, 3, 1] | " + outcome.Kan!.Parameters, lines[4]);
        Assert.StartsWith("| MLP | [2, 8, 1] | " + outcome.Mlp!.Parameters, lines[5]);
    }
}
