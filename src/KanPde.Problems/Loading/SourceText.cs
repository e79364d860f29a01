using KanPde.Problems.Loading.Yaml;

namespace KanPde.Problems.Loading;

/// <summary>A file's text with a line table, to turn character indices into 1-based lines and columns.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    /// <summary>1-based line and column of a 0-based character index.</summary>
    public (int Line, int Column) Position(int index)
    {
        index = Math.Clamp(index, 0, Text.Length);
        int line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>
    /// The index in the file of character <paramref name="offset"/> of a scalar's value. The value's
    /// characters are matched in order against the scalar as written, which skips quotes, folded line
    /// breaks and indentation; for a plain one-line scalar it is simply start + offset.
    /// </summary>
    public int IndexInScalar(YamlText scalar, int offset)
    {
        string value = scalar.Value;
        int end = Math.Min(scalar.End, Text.Length);
        int raw = scalar.Start;
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted)
        {
            raw++;
        }

        int fallback = raw + offset;
        for (int v = 0; v <= Math.Min(offset, value.Length - 1); v++)
        {
            while (raw < end && Text[raw] != value[v])
            {
                raw++;
            }

            if (raw >= end)
            {
                return fallback;
            }

            if (v < offset)
            {
                raw++;
            }
        }

        return offset >= value.Length ? Math.Min(raw, end) : raw;
    }
}
