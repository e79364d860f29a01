using KanPde.Core.Training;
using KanPde.Runner.Commands;
using KanPde.Runner.Tests.Fakes;
using KanPde.Runner.Training;

namespace KanPde.Runner.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kanpde-run-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Out => Path.Combine(_folder, "results");

    private int Run(FakeTrainer trainer, params string[] args) =>
        KanPdeApp.Run(["run", .. args, "--out", Out], _output, _error, trainer);

    private string Problem(string yaml, string name) => TestProblems.Write(_folder, yaml, name);

    [Fact]
    public void Run_TwoGoodProblems_ExitsOkWritesBothAndPrintsTheTables()
    {
        var trainer = new FakeTrainer();

        int exit = Run(trainer, Problem(TestProblems.Poisson2d, "a.yaml"), Problem(TestProblems.Poisson1d, "b.yaml"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(File.Exists(Path.Combine(Out, "tiny2d", "report.html")));
        Assert.True(File.Exists(Path.Combine(Out, "tiny1d", "kan", "model.json")));
        Assert.Equal([("tiny2d", ModelKind.Kan), ("tiny2d", ModelKind.Mlp), ("tiny1d", ModelKind.Kan)], trainer.Calls.Select(c => (c.Problem, c.Model)));
        string text = _output.ToString();
        Assert.Contains("tiny2d KAN: training, 20 steps", text);
        Assert.Contains("model  width      parameters  steps  status", text);
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public void Run_BrokenFile_ExitsTwoNamesFileLineColumnAndTrainsNothing()
    {
        var trainer = new FakeTrainer();
        string good = Problem(TestProblems.Poisson2d, "good.yaml");
        string bad = Problem(TestProblems.Poisson2d.Replace("u = 0", "u = 0 +", StringComparison.Ordinal), "bad.yaml");

        int exit = Run(trainer, good, bad);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Empty(trainer.Calls);
        Assert.False(Directory.Exists(Out));
        Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(bad)}:9:\\d+: ", _error.ToString());
        Assert.Contains("Nothing was trained", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
    }

    [Fact]
    public void Run_MissingFile_ExitsTwo()
    {
        int exit = Run(new FakeTrainer(), Path.Combine(_folder, "absent.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("absent.yaml:1:1: file not found", _error.ToString());
    }

    [Theory]
    [InlineData("kan,cnn")]
    [InlineData("")]
    public void Run_UnknownModel_ExitsTwo(string models)
    {
        var trainer = new FakeTrainer();

        int exit = Run(trainer, Problem(TestProblems.Poisson2d, "a.yaml"), "--models", models);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Empty(trainer.Calls);
    }

    [Fact]
    public void Run_MlpAskedButFileSaysNone_ExitsTwo()
    {
        var trainer = new FakeTrainer();

        int exit = Run(trainer, Problem(TestProblems.Poisson1d, "a.yaml"), "--models", "mlp");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("mlp: none", _error.ToString());
        Assert.Empty(trainer.Calls);
    }

    [Fact]
    public void Run_ModelsKanAndSeed_OnlyKanTrainedWithThatSeed()
    {
        var trainer = new FakeTrainer();

        int exit = Run(trainer, Problem(TestProblems.Poisson2d, "a.yaml"), "--models", "kan", "--seed", "42", "--quiet");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal([("tiny2d", ModelKind.Kan, (int?)42)], trainer.Calls);
        Assert.False(Directory.Exists(Path.Combine(Out, "tiny2d", "mlp")));
        Assert.DoesNotContain("training,", _output.ToString());
        Assert.Contains("KAN", _output.ToString());
    }

    [Fact]
    public void Run_FolderOfProblems_RunsEachFile()
    {
        string sub = Directory.CreateDirectory(Path.Combine(_folder, "set")).FullName;
        TestProblems.Write(sub, TestProblems.Poisson2d, "a.yaml");
        TestProblems.Write(sub, TestProblems.Heat3d, "b.yaml");
        var trainer = new FakeTrainer();

        int exit = Run(trainer, sub);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(["tiny2d", "tiny3d"], trainer.Calls.Select(c => c.Problem).Distinct());
    }

    [Fact]
    public void Run_KanDiverges_ExitsOneSaysWhereAndWritesDivergedResults()
    {
        var trainer = new FakeTrainer
        {
            Behaviour = (p, m) => m == ModelKind.Kan ? FakeResults.Kan(p, TrainingStatus.Diverged, stopAt: 6) : FakeResults.Mlp(p),
        };

        int exit = Run(trainer, Problem(TestProblems.Poisson2d, "a.yaml"));

        Assert.Equal(ExitCodes.TrainingFailed, exit);
        string error = _error.ToString();
        Assert.Contains("tiny2d: the KAN diverged at step 7", error);
        Assert.Contains("kept the last network with a finite loss (step 6", error);
        Assert.Contains("\"status\": \"diverged\"", File.ReadAllText(Path.Combine(Out, "tiny2d", "kan", "metrics.json")));
        Assert.Contains("\"status\": \"completed\"", File.ReadAllText(Path.Combine(Out, "tiny2d", "mlp", "metrics.json")));
    }

    [Fact]
    public void Run_TrainerThrows_ExitsOneWithoutStackTraceUnlessVerbose()
    {
        var trainer = new FakeTrainer { Behaviour = (_, _) => throw new InvalidOperationException("matrix not positive definite") };
        string path = Problem(TestProblems.Poisson2d, "a.yaml");

        int exit = Run(trainer, path);
        string quiet = _error.ToString();
        _error.GetStringBuilder().Clear();
        Run(trainer, path, "--verbose");

        Assert.Equal(ExitCodes.TrainingFailed, exit);
        Assert.Contains("tiny2d: training the KAN failed: matrix not positive definite", quiet);
        Assert.DoesNotContain("   at ", quiet);
        Assert.Contains("   at ", _error.ToString());
    }

    [Fact]
    public void Run_InterruptedDuringSecondRun_ExitsInterruptedAndPreviousResultsUnchanged()
    {
        string path = Problem(TestProblems.Poisson2d, "a.yaml");
        Assert.Equal(ExitCodes.Ok, Run(new FakeTrainer(), path));
        string metrics = Path.Combine(Out, "tiny2d", "kan", "metrics.json");
        string before = File.ReadAllText(metrics);
        DateTime written = File.GetLastWriteTimeUtc(metrics);
        var trainer = new FakeTrainer { Behaviour = (p, m) => FakeResults.For(p, m, TrainingStatus.Cancelled, stopAt: 3) };

        int exit = Run(trainer, path);

        Assert.Equal(ExitCodes.Interrupted, exit);
        Assert.Equal(before, File.ReadAllText(metrics));
        Assert.Equal(written, File.GetLastWriteTimeUtc(metrics));
        Assert.Equal([Path.Combine(Out, "tiny2d")], Directory.GetDirectories(Out));
        Assert.Contains("Interrupted while training tiny2d (KAN at step 3)", _error.ToString());
        Assert.Contains("still holds the previous results, unchanged", _error.ToString());
        Assert.Single(trainer.Calls);
    }

    [Fact]
    public void Run_CancelledBetweenProblems_KeepsTheFinishedOneAndSaysSo()
    {
        using var stop = new CancellationTokenSource();
        var trainer = new FakeTrainer { Behaviour = (p, m) => { stop.Cancel(); return FakeResults.For(p, m); } };
        var options = new RunOptions([Problem(TestProblems.Poisson1d, "a.yaml"), Problem(TestProblems.Poisson2d, "b.yaml")], Out, null, null, true, false);

        int exit = RunCommand.Run(options, trainer, RunConsole.Plain(_output, _error, true, TimeSpan.FromSeconds(5)), stop.Token);

        Assert.Equal(ExitCodes.Interrupted, exit);
        Assert.True(File.Exists(Path.Combine(Out, "tiny1d", "summary.json")));
        Assert.False(Directory.Exists(Path.Combine(Out, "tiny2d")));
        Assert.Contains($"Saved before the interruption: {Path.Combine(Out, "tiny1d")}", _error.ToString());
    }

    [Fact]
    public void Run_TwoFilesWithOneName_ExitsTwo()
    {
        int exit = Run(new FakeTrainer(), Problem(TestProblems.Poisson2d, "a.yaml"), Problem(TestProblems.Poisson2d, "b.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("the problem name 'tiny2d' is also used by", _error.ToString());
    }

    [Fact]
    public void Help_Run_DocumentsEveryOption()
    {
        int exit = KanPdeApp.Run(["run", "--help"], _output, _error, new FakeTrainer());

        Assert.Equal(ExitCodes.Ok, exit);
        foreach (string option in new[] { "--out", "--models", "--seed", "--quiet", "--verbose" })
        {
            Assert.Contains(option, _output.ToString());
        }
    }
}
