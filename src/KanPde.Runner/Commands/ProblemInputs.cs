using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Commands;

/// <summary>The problems named on a command line: files, and folders whose <c>*.yaml</c> files are taken in name order.</summary>
public sealed record ProblemInputs(IReadOnlyList<ProblemSpec> Problems, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether every file was read without errors.</summary>
    public bool Succeeded => Diagnostics.All(d => !d.IsError);

    /// <summary>The problem files a path stands for: itself, or a folder's <c>*.yaml</c> and <c>*.yml</c> files.</summary>
    public static IReadOnlyList<string> Expand(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)]
            : [path];
    }

    /// <summary>Reads every problem; also reports an empty folder and two problems of one name (they would share a results folder).</summary>
    public static ProblemInputs Load(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<ProblemSpec>();
        var diagnostics = new List<Diagnostic>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            IReadOnlyList<string> files = Expand(path);
            if (files.Count == 0)
            {
                diagnostics.Add(new Diagnostic(path, 1, 1, "the folder holds no problem files (*.yaml)"));
            }

            foreach (string file in files)
            {
                LoadResult result = ProblemLoader.Load(file);
                diagnostics.AddRange(result.Diagnostics);
                if (result.Problem is not { } problem)
                {
                    continue;
                }

                if (seen.TryGetValue(problem.Name, out string? first))
                {
                    diagnostics.Add(new Diagnostic(file, 1, 1, $"the problem name '{problem.Name}' is also used by {first}; both would write to the same results folder"));
                    continue;
                }

                seen[problem.Name] = file;
                problems.Add(problem);
            }
        }

        return new ProblemInputs(problems, diagnostics);
    }
}
