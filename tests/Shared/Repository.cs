namespace KanPde.Tests.Shared;

/// <summary>Finds folders of the repository from a test's output directory.</summary>
public static class Repository
{
    /// <summary>The folder holding KanPde.sln, found by walking up from the test's base directory.</summary>
    public static string Root
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KanPde.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("KanPde.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Every shipped problem file.</summary>
    public static IReadOnlyList<string> ProblemFiles =>
        [.. Directory.GetFiles(Path.Combine(Root, "problems"), "*.yaml").Order(StringComparer.Ordinal)];
}
