using System.Globalization;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading.Yaml;

namespace KanPde.Problems.Loading;

/// <summary>The typed readers of single values and lists; each reports its own mistakes and returns null for them.</summary>
internal sealed partial class ReadContext
{
    public YamlText? Scalar(YamlTree node, string what, string expected)
    {
        if (node is YamlText text && !text.IsNull)
        {
            return text;
        }

        Error(node, $"{what} must be {expected}, not {node.Kind}");
        return null;
    }

    public string? Text(YamlTree node, string what) => Scalar(node, what, "text")?.Value;

    public int? Int(YamlTree node, string what, int minimum)
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

    public double? Number(YamlTree node, string what, bool positive)
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

    public T? Choice<T>(YamlTree node, string what, IReadOnlyDictionary<string, T> options)
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

    public List<int>? IntList(YamlTree node, string what)
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

    /// <summary>A network width: at least two layers, the first the number of variables, the last 1.</summary>
    public List<int>? Width(YamlTree node, string what, int variables)
    {
        List<int>? width = IntList(node, what);
        if (width is null)
        {
            return null;
        }

        if (width.Count < 2)
        {
            Error(node, $"{what} needs at least an input and an output layer, such as [{variables}, 10, 1]");
            return null;
        }

        YamlList list = (YamlList)node;
        if (variables > 0 && width[0] != variables)
        {
            Error(list.Items[0], $"{what} starts with {width[0]} inputs, but the problem has {variables} variable{(variables == 1 ? "" : "s")}");
            return null;
        }

        if (width[^1] != 1)
        {
            Error(list.Items[^1], $"{what} must end with 1 output (the solution u), not {width[^1]}");
            return null;
        }

        return width;
    }
}
