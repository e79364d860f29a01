using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading.Yaml;

namespace KanPde.Problems.Loading;

/// <summary>
/// What every section reader shares: the file's text, the diagnostics found so far, and the readers of maps
/// and keys. The typed scalar readers are in <c>ReadContext.Scalars.cs</c>. Holds no state between sections
/// other than the diagnostics list.
/// </summary>
internal sealed partial class ReadContext
{
    private readonly List<Diagnostic> _diagnostics = [];

    public ReadContext(string fileName, string text)
    {
        FileName = fileName;
        Source = new SourceText(text);
    }

    public string FileName { get; }

    public SourceText Source { get; }

    public int ErrorCount => _diagnostics.Count(d => d.IsError);

    /// <summary>Every diagnostic, in file order.</summary>
    public List<Diagnostic> Diagnostics() => [.. _diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)];

    public void Report(int index, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        (int line, int column) = Source.Position(index);
        _diagnostics.Add(new Diagnostic(FileName, line, column, message, severity));
    }

    public void Error(YamlTree node, string message) => Report(node.Start, message);

    /// <summary>An error in another file the problem reads (a data file), at its own line and column.</summary>
    public void ErrorIn(string file, int line, int column, string message) =>
        _diagnostics.Add(new Diagnostic(file, line, column, message));

    /// <summary>The node as a map of names to values (any keys); reported when it is not a map.</summary>
    public YamlMap? AnyMap(YamlTree node, string what)
    {
        if (node is YamlMap map)
        {
            return map;
        }

        Error(node, $"{what} must be a map of names to values, not {node.Kind}");
        return null;
    }

    /// <summary>The node as a map whose keys are all in <paramref name="keys"/>; unknown keys are reported.</summary>
    public YamlMap? Map(YamlTree node, string what, string? where, IReadOnlyList<string> keys)
    {
        if (node is not YamlMap map)
        {
            Error(node, $"{what} must be a map of keys ({string.Join(", ", keys)}), not {node.Kind}");
            return null;
        }

        foreach (KeyValuePair<YamlText, YamlTree> entry in map.Entries)
        {
            if (!keys.Contains(entry.Key.Value))
            {
                string place = where is null ? "" : $" in {where}";
                string hint = Suggestions.Closest(entry.Key.Value, keys) is { } match
                    ? $"; did you mean '{match}'?"
                    : Suggestions.Closest(entry.Key.Value, ProblemKeys.Elsewhere.Keys) is { } other
                        ? $"; did you mean '{other}'? (it belongs in {ProblemKeys.Elsewhere[other]})"
                        : $"; expected one of: {string.Join(", ", keys)}";
                Error(entry.Key, $"unknown key '{entry.Key.Value}'{place}{hint}");
            }
        }

        return map;
    }

    public static YamlTree? Optional(YamlMap map, string key) => map.Find(key)?.Value;

    public YamlTree? Required(YamlMap map, string key, string where)
    {
        YamlTree? value = Optional(map, key);
        if (value is null)
        {
            Report(map.Start, $"missing required key '{key}'{where}");
        }

        return value;
    }

    /// <summary>Whether the node is the plain word <paramref name="word"/> (such as <c>none</c> or <c>auto</c>).</summary>
    public static bool IsWord(YamlTree node, string word) => node is YamlText { IsQuoted: false } text && text.Value == word;
}
