#region readme usings
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Building;
using KanPde.Problems.Models;
using KanPde.Problems.Solving;
#endregion
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Building;

/// <summary>The README's C# example, compiled and run; a second test keeps the README's copy equal to this one.</summary>
public sealed class ReadmeExampleTests
{
    private const string SourcePath = "tests/KanPde.Problems.Tests/Building/ReadmeExampleTests.cs";

    [Fact]
    public void ReadmeExample_Runs_TrainsSavesAndReloadsTheKan()
    {
        #region readme code
        // u'' = -pi^2 sin(pi x) on [0, 1] with u = 0 at both ends: the solution is sin(pi x).
        var problem = new ProblemBuilder("bump")
            .Variable("x", 0, 1)
            .Equation("u_xx = -pi^2*sin(pi*x)")
            .Condition("u = 0", "x = 0", "x = 1")
            .Exact("sin(pi*x)")
            .Points(interior: 100)
            .Training(optimizer: OptimizerKind.LevenbergMarquardt)
            .Schedule((5, 20), (10, 20))
            .Build();                       // checked like a file; defaults as in docs/problem-format.md

        TrainingResult kan = ProblemSolver.Train(problem, ModelKind.Kan);
        Console.WriteLine($"relative L2 {kan.Errors!.RelativeL2:E1} after {kan.Steps} steps, {kan.Parameters} parameters");

        string json = ModelFile.Write(kan.Network, problem.VariableNames);    // what kan/model.json holds
        INetwork network = ModelFile.Read(json);
        double[] u = NetworkEvaluation.Values(network, PointSet.FromRows([[0.25], [0.5]]));
        #endregion

        Assert.Equal(TrainingStatus.Completed, kan.Status);
        Assert.Equal(40, kan.Steps);
        Assert.Equal(kan.Steps, kan.History.Count);
        Assert.True(kan.Errors.RelativeL2 < 5e-3, $"relative L2 {kan.Errors.RelativeL2}");
        Assert.Equal(Math.Sin(Math.PI / 4), u[0], 0.005);
        Assert.Equal(1.0, u[1], 0.005);
        Assert.Equal(NetworkEvaluation.Values(kan.Network, PointSet.FromRows([[0.25], [0.5]])), u);
    }

    [Fact]
    public void Readme_CSharpSection_IsTheTestedExample()
    {
        string source = File.ReadAllText(Path.Combine(Repository.Root, SourcePath));
        string expected = Region(source, "readme usings") + "\n\n" + Region(source, "readme code");

        Assert.Equal(expected, ReadmeBlock(File.ReadAllText(Path.Combine(Repository.Root, "README.md"))));
    }

    // The lines between "#region NAME" and the next "#endregion", with their common indentation removed.
    private static string Region(string source, string name)
    {
        string[] lines = source.ReplaceLineEndings("\n").Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == $"#region {name}") + 1;
        int end = Array.FindIndex(lines, start, l => l.Trim() == "#endregion");
        Assert.True(start > 0 && end > start, $"region '{name}' not found");
        string[] body = lines[start..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    // The first ```csharp block after the heading "## Using KanPde from C#".
    private static string ReadmeBlock(string readme)
    {
        string[] lines = readme.ReplaceLineEndings("\n").Split('\n');
        int heading = Array.IndexOf(lines, "## Using KanPde from C#");
        Assert.True(heading >= 0, "README.md has no section '## Using KanPde from C#'");
        int start = Array.FindIndex(lines, heading, l => l == "```csharp") + 1;
        int end = Array.FindIndex(lines, start, l => l == "```");
        Assert.True(start > 0 && end > start, "no ```csharp block in the README's C# section");
        return string.Join("\n", lines[start..end]);
    }
}
