using YamlDotNet.Core;

namespace KanPde.Problems.Loading.Yaml;

/// <summary>A node of a YAML document, with where it starts and ends in the text (0-based indices).</summary>
internal abstract record YamlTree(int Start, int End)
{
    /// <summary>What kind of YAML value this is, for messages.</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar: its value and how it was written.</summary>
internal sealed record YamlText(int Start, int End, string Value, ScalarStyle Style) : YamlTree(Start, End)
{
    public override string Kind => IsNull ? "nothing" : "a single value";

    /// <summary>Whether the scalar is quoted or a block (so it is a string, never a number).</summary>
    public bool IsQuoted => Style is not ScalarStyle.Plain and not ScalarStyle.Any;

    /// <summary>An empty plain scalar (<c>key:</c> with nothing after it).</summary>
    public bool IsNull => !IsQuoted && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}

/// <summary>A sequence.</summary>
internal sealed record YamlList(int Start, int End, IReadOnlyList<YamlTree> Items) : YamlTree(Start, End)
{
    public override string Kind => "a list";
}

/// <summary>A mapping, its entries in the order written (duplicates already reported and dropped).</summary>
internal sealed record YamlMap(int Start, int End, IReadOnlyList<KeyValuePair<YamlText, YamlTree>> Entries) : YamlTree(Start, End)
{
    public override string Kind => "a map";

    /// <summary>The entry whose key is <paramref name="key"/>, if any.</summary>
    public KeyValuePair<YamlText, YamlTree>? Find(string key)
    {
        foreach (KeyValuePair<YamlText, YamlTree> entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }
}
