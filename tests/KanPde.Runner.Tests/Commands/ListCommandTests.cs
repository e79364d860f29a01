using KanPde.Runner.Commands;
using KanPde.Runner.Tests.Fakes;
using KanPde.Tests.Shared;

namespace KanPde.Runner.Tests.Commands;

public sealed class ListCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kanpde-list-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_ShippedProblems_OneLinePerFileWithNameVariablesEquationAndExact()
    {
        var output = new StringWriter();

        int exit = ListCommand.Run(Path.Combine(Repository.Root, "problems"), output, new StringWriter());

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(Repository.ProblemFiles.Count, lines.Length);
        string poisson = Assert.Single(lines, l => l.StartsWith("poisson1d ", StringComparison.Ordinal));
        Assert.Matches(@"^poisson1d +x +u_xx = -4\*pi\^2\*sin\(2\*pi\*x\) +exact solution known$", poisson);
    }

    [Fact]
    public void Run_FolderWithABrokenFile_ListsItAsInvalidAndExitsTwo()
    {
        TestProblems.Write(_folder, TestProblems.Heat3d, "a.yaml");
        TestProblems.Write(_folder, "name: broken\n", "b.yaml");
        var output = new StringWriter();

        int exit = ListCommand.Run(_folder, output, new StringWriter());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches(@"tiny3d +t, x, y +u_t = 0\.1\*\(u_xx \+ u_yy\) +no exact solution", output.ToString());
        Assert.Contains("b  ", output.ToString());
        Assert.Contains("(invalid: ", output.ToString());
    }

    [Fact]
    public void Run_MissingFolder_ExitsTwo()
    {
        var error = new StringWriter();

        int exit = ListCommand.Run(Path.Combine(_folder, "nope"), new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no folder", error.ToString());
    }
}
