using System.Globalization;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading.Yaml;

namespace KanPde.Problems.Loading;

/// <summary>
/// Reads a YAML tree against the problem format, collecting every mistake. Split by concern:
/// this file has the typed readers; the partial files read the sections.
/// </summary>
internal sealed partial class ProblemReader
{
    private readonly string _fileName;
    private readonly SourceText _source;
    private readonly List<Diagnostic> _diagnostics = [];

    private ProblemReader(string fileName, string text)
    {
        _fileName = fileName;
        _source = new SourceText(text);
    }

    // Keys that live in one place only, to point a misplaced or misspelt key to where it belongs.
    private static readonly Dictionary<string, string> KeysElsewhere = new()
    {
        ["steps"] = "a stage of training.schedule, or mlp",
        ["grid"] = "kan, or a stage of training.schedule",
        ["interior"] = "training.points",
        ["boundary"] = "training.points",
        ["width"] = "kan or mlp",
        ["order"] = "kan",
        ["grid_update"] = "kan",
        ["activation"] = "mlp",
        ["seed"] = "training",
        ["sampling"] = "training",
        ["weights"] = "training",
        ["optimizer"] = "training, or a stage of training.schedule",
        ["learning_rate"] = "training",
        ["schedule"] = "training",
        ["at"] = "a condition",
        ["weight"] = "a condition",
        ["every"] = "kan.grid_update",
        ["until"] = "kan.grid_update",
    };

    private int ErrorCount => _diagnostics.Count(d => d.IsError);

    private void Report(int index, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        (int line, int column) = _source.Position(index);
        _diagnostics.Add(new Diagnostic(_fileName, line, column, message, severity));
    }

    private void Error(YamlTree node, string message) => Report(node.Start, message);

    /// <summary>The node as a map whose keys are all in <paramref name="keys"/> (any keys when none are given); unknown keys are reported.</summary>
    private YamlMap? Map(YamlTree node, string what, string? where, params string[] keys)
    {
        if (node is not YamlMap map)
        {
            Error(node, keys.Length == 0 ? $"{what} must be a map of names to values, not {node.Kind}" : $"{what} must be a map of keys ({string.Join(", ", keys)}), not {node.Kind}");
            return null;
        }

        foreach (KeyValuePair<YamlText, YamlTree> entry in map.Entries)
        {
            if (keys.Length > 0 && !keys.Contains(entry.Key.Value))
            {
                string place = where is null ? "" : $" in {where}";
                string hint = Suggestions.Closest(entry.Key.Value, keys) is { } match
                    ? $"; did you mean '{match}'?"
                    : Suggestions.Closest(entry.Key.Value, KeysElsewhere.Keys) is { } other
                        ? $"; did you mean '{other}'? (it belongs in {KeysElsewhere[other]})"
                        : $"; expected one of: {string.Join(", ", keys)}";
                Error(entry.Key, $"unknown key '{entry.Key.Value}'{place}{hint}");
            }
        }

        return map;
    }

    private static YamlTree? Optional(YamlMap map, string key) => map.Find(key)?.Value;

    private YamlTree? Required(YamlMap map, string key, string where)
    {
        YamlTree? value = Optional(map, key);
        if (value is null)
        {
            Report(map.Start, $"missing required key '{key}'{where}");
        }

        return value;
    }

    private YamlText? Scalar(YamlTree node, string what, string expected)
    {
        if (node is YamlText text && !text.IsNull)
        {
            return text;
        }

        Error(node, $"{what} must be {expected}, not {node.Kind}");
        return null;
    }

    private string? Text(YamlTree node, string what) => Scalar(node, what, "text")?.Value;

    private int? Int(YamlTree node, string what, int minimum)
    {
        YamlText? text = Scalar(node, what, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (text.IsQuoted || !long.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            Error(node, $"{what} must be a whole number, not '{text.Value}'");
            return null;
        }

        if (value < minimum || value > int.MaxValue)
        {
            string bound = minimum == 1 ? "positive" : $"at least {minimum}";
            Error(node, value > int.MaxValue ? $"{what} is too large: {value}" : $"{what} must be {bound}, not {value}");
            return null;
        }

        return (int)value;
    }

    private double? Number(YamlTree node, string what, bool positive)
    {
        YamlText? text = Scalar(node, what, "a number");
        if (text is null)
        {
            return null;
        }

        if (text.IsQuoted || !double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error(node, $"{what} must be a number, not '{text.Value}'");
            return null;
        }

        if (positive ? value <= 0 : value < 0)
        {
            Error(node, $"{what} must be {(positive ? "positive" : "zero or positive")}, not {text.Value}");
            return null;
        }

        return value;
    }

    private T? Choice<T>(YamlTree node, string what, IReadOnlyDictionary<string, T> options)
        where T : struct
    {
        YamlText? text = Scalar(node, what, $"one of {string.Join(", ", options.Keys)}");
        if (text is null)
        {
            return null;
        }

        if (options.TryGetValue(text.Value, out T value))
        {
            return value;
        }

        Error(node, $"unknown {what} '{text.Value}'; expected one of {string.Join(", ", options.Keys)}{Suggestions.DidYouMean(text.Value, options.Keys)}");
        return null;
    }

    private List<int>? IntList(YamlTree node, string what)
    {
        if (node is not YamlList list)
        {
            Error(node, $"{what} must be a list of whole numbers such as [2, 10, 1], not {node.Kind}");
            return null;
        }

        var values = new List<int>();
        bool ok = true;
        foreach (YamlTree item in list.Items)
        {
            int? value = Int(item, $"each entry of {what}", 1);
            ok &= value is not null;
            values.Add(value ?? 0);
        }

        return ok ? values : null;
    }
}
