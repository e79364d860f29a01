using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Systems;

/// <summary>Observations read from CSV files next to the problem file, and every CSV mistake at its line and column.</summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kanpde-data-" + Guid.NewGuid().ToString("N"));

    public DataFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Csv_ColumnsInAnyOrder_EmptyCellsNotObserved()
    {
        LoadResult result = Load("y, v, x, u\n0.5, 1, 0.25, 2\n0.75, , 0.5, 3\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        CompiledProblem problem = CompiledProblem.Compile(result.Problem!);
        IReadOnlyList<LossTerm> terms = problem.ObservationTerms(0);
        Assert.Equal(2, terms.Count);
        LossTerm v = terms.Single(t => t.Name.EndsWith(": v", StringComparison.Ordinal));
        LossTerm u = terms.Single(t => t.Name.EndsWith(": u", StringComparison.Ordinal));
        Assert.Equal([1.0], ((ObservationResidual)v.Residual).Values);
        Assert.Equal([2.0, 3.0], ((ObservationResidual)u.Residual).Values);
        Assert.Equal([0.25, 0.5, 0.5, 0.75], u.Points.Coordinates.ToArray());
        Assert.Equal([0.25, 0.5], v.Points.Coordinates.ToArray());
    }

    [Theory]
    [InlineData("x, y, u, w\n0, 0, 1, 1\n", 1, 10, "the column 'w' is neither a variable")]
    [InlineData("x, u\n0, 1\n", 1, 1, "there is no column for the variable 'y'")]
    [InlineData("x, y\n0, 0\n", 1, 1, "no column names an unknown")]
    [InlineData("x, y, u\n0, 0, 1\n0, 0.5, abc\n", 3, 9, "'abc' in column 'u' is not a number")]
    [InlineData("x, y, u\n0, 0, 1\n0, 0\n", 3, 1, "this row has 2 cells, but the header names 3 columns")]
    [InlineData("x, y, u\n0, 2, 1\n", 2, 1, "the point has y = 2, outside its range [0, 1]")]
    [InlineData("x, y, u\n", 2, 1, "the file has a header but no observations")]
    [InlineData("x, y, u, u\n0, 0, 1, 1\n", 1, 10, "the column 'u' appears twice")]
    public void Csv_Mistake_IsReportedAtItsLineAndColumn(string csv, int line, int column, string gist)
    {
        LoadResult result = Load(csv);

        Assert.False(result.Succeeded);
        Diagnostic error = Assert.Single(result.Errors);
        Assert.Contains(gist, error.Message, StringComparison.Ordinal);
        Assert.Equal("obs.csv", error.File);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    private LoadResult Load(string csv)
    {
        File.WriteAllText(Path.Combine(_folder, "obs.csv"), csv);
        string problem = Path.Combine(_folder, "problem.yaml");
        File.WriteAllText(problem, BrokenFiles.ValidSystem + "data:\n  - file: obs.csv\n");
        return ProblemLoader.Load(problem);
    }
}
