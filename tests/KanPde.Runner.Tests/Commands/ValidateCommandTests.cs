using KanPde.Runner.Commands;
using KanPde.Tests.Shared;

namespace KanPde.Runner.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kanpde-validate-").FullName;

    public static TheoryData<BrokenFile> Cases => [.. BrokenFiles.All];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_ShippedProblems_ExitsOkWithSummaryAndCheck()
    {
        var output = new StringWriter();

        int exit = ValidateCommand.Run(Repository.ProblemFiles, verbose: false, output);

        string text = output.ToString();
        Assert.Equal(ExitCodes.Ok, exit);
        foreach (string file in Repository.ProblemFiles)
        {
            Assert.Contains($"{file}: OK: ", text);
        }

        Assert.Equal(Repository.ProblemFiles.Count, CountOf(text, "exact solution: satisfies the equation"));
        Assert.DoesNotContain("warning", text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_BrokenFile_PrintsPositionedErrorAndExitsTwo(BrokenFile broken)
    {
        string path = Write(broken.Name + ".yaml", broken.Yaml);
        var output = new StringWriter();

        int exit = ValidateCommand.Run([path], verbose: false, output);

        string text = output.ToString();
        Assert.Equal(ExitCodes.BadInput, exit);
        string position = broken.Column > 0 ? $"{path}:{broken.Line}:{broken.Column}: " : $"{path}:{broken.Line}:";
        string? line = text.Split('\n').FirstOrDefault(l => l.StartsWith(position, StringComparison.Ordinal) && l.Contains(broken.Gist, StringComparison.Ordinal));
        Assert.True(line is not null, $"expected '{position} ...{broken.Gist}...' in:\n{text}");
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(": OK: ", text);
    }

    [Fact]
    public void Run_MissingFile_ReportsNotFoundAndExitsTwo()
    {
        string path = Path.Combine(_folder, "absent.yaml");
        var output = new StringWriter();

        int exit = ValidateCommand.Run([path], verbose: false, output);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{path}:1:1: file not found", output.ToString());
    }

    [Fact]
    public void Run_OneBadAmongGood_ReportsBothAndExitsTwo()
    {
        string good = Write("good.yaml", BrokenFiles.Valid);
        string bad = Write("bad.yaml", BrokenFiles.Valid.Replace("u = 0", "u = 0 +", StringComparison.Ordinal));
        var output = new StringWriter();

        int exit = ValidateCommand.Run([good, bad], verbose: false, output);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{good}: OK: demo: 2 variables (x, y), 1 condition on 4 faces", output.ToString());
        Assert.Contains($"{bad}: 1 error", output.ToString());
    }

    [Fact]
    public void Run_WrongExactSolution_WarnsWhichEquationFailsAndByHowMuch()
    {
        string path = Write("wrong.yaml", BrokenFiles.Valid.Replace("-2*pi^2", "-2*pi", StringComparison.Ordinal));
        var output = new StringWriter();

        int exit = ValidateCommand.Run([path], verbose: false, output);

        string text = output.ToString();
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("warning: the exact solution does not satisfy the equation: |LHS - RHS| is up to", text);
        Assert.Contains("relative to the terms", text);
        Assert.DoesNotContain("condition 1", text);
    }

    [Fact]
    public void Run_NoConditions_WarnsUIsNotDetermined()
    {
        string path = Write("free.yaml", "name: free\nvariables:\n  x: [0, 1]\nequation: u_xx = 0\nconditions: []\n");
        var output = new StringWriter();

        int exit = ValidateCommand.Run([path], verbose: false, output);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"{path}:5:13: warning: conditions is empty", output.ToString());
    }

    [Theory]
    [InlineData(new string[] { "validate" }, "Required argument missing")]
    [InlineData(new string[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new string[] { "--colour" }, "Unrecognized command or argument '--colour'")]
    public void App_BadCommandLine_ExitsTwo(string[] args, string gist)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = KanPdeApp.Run(args, output, error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(gist, error.ToString());
    }

    [Fact]
    public void App_ValidateShippedFile_ExitsOk()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = KanPdeApp.Run(["validate", Repository.ProblemFiles[0]], output, error);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(": OK: ", output.ToString());
        Assert.Equal("", error.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
