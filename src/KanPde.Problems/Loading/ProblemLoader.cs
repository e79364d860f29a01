using KanPde.Problems.Diagnostics;

namespace KanPde.Problems.Loading;

/// <summary>Reads problem files (docs/problem-format.md) into validated <see cref="Specification.ProblemSpec"/>s.</summary>
public static class ProblemLoader
{
    /// <summary>
    /// Reads and validates the file at <paramref name="path"/>. A missing or unreadable file is a
    /// diagnostic, not an exception.
    /// </summary>
    public static LoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file: {e.Message}";
            return new LoadResult(null, [new Diagnostic(path, 1, 1, reason)]);
        }

        return Parse(text, path);
    }

    /// <summary>Validates problem text; <paramref name="fileName"/> is used in diagnostics.</summary>
    public static LoadResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return ProblemReader.Read(text, fileName);
    }
}
