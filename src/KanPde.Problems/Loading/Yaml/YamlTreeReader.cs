using System.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KanPde.Problems.Loading.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlTree"/> with YamlDotNet's event parser, keeping
/// positions. Duplicate keys, non-text keys and extra documents are reported through
/// <c>report(index, message)</c>; a syntax error ends reading and is reported at its position. Only
/// YamlDotNet's own exceptions count as syntax errors: anything else (a bug here, or in <c>report</c>)
/// propagates as the exception it is.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly IParser _parser;
    private readonly Action<int, string> _report;
    private readonly Dictionary<string, YamlTree> _anchors = [];
    private int _lastIndex;

    private YamlTreeReader(string text, Action<int, string> report)
    {
        _parser = new Parser(new StringReader(text));
        _report = report;
    }

    /// <summary>The document, or null when the text is empty or not valid YAML (already reported).</summary>
    public static YamlTree? Read(string text, Action<int, string> report)
    {
        var reader = new YamlTreeReader(text, report);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            report((int)e.Start.Index, "YAML syntax error: " + CleanMessage(e.Message));
            return null;
        }
        catch (InvalidOperationException e) when (ThrownByYamlDotNet(e))
        {
            // YamlDotNet's scanner throws this on some malformed flow collections; report where reading stopped.
            report(reader._lastIndex, "YAML syntax error: the text after this point is not valid YAML (check brackets, quotes and indentation)");
            return null;
        }
    }

    private YamlTree? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (!_parser.TryConsume<DocumentStart>(out _))
        {
            _report(0, "the file is empty; a problem needs at least 'name', 'variables', 'equation' and 'conditions'");
            return null;
        }

        YamlTree root = ReadNode();
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out DocumentStart? extra))
        {
            _report((int)extra.Start.Index, "a problem file holds one YAML document; remove the '---' and what follows");
        }

        return root;
    }

    private YamlTree ReadNode()
    {
        ParsingEvent next = _parser.Current ?? throw new UnreachableException("Unexpected end of YAML events.");
        _lastIndex = (int)next.Start.Index;
        switch (next)
        {
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, new YamlText((int)scalar.Start.Index, (int)scalar.End.Index, scalar.Value, scalar.Style));
            case SequenceStart start:
                _parser.MoveNext();
                var items = new List<YamlTree>();
                while (!_parser.Accept<SequenceEnd>(out _))
                {
                    items.Add(ReadNode());
                }

                SequenceEnd end = _parser.Consume<SequenceEnd>();

                return Remember(start.Anchor, new YamlList((int)start.Start.Index, (int)end.End.Index, items));
            case MappingStart map:
                _parser.MoveNext();
                return Remember(map.Anchor, ReadMapping(map));
            case AnchorAlias alias:
                _parser.MoveNext();
                if (_anchors.TryGetValue(alias.Value.Value, out YamlTree? target))
                {
                    return target;
                }

                _report((int)alias.Start.Index, $"unknown YAML alias '*{alias.Value.Value}'");
                return new YamlText((int)alias.Start.Index, (int)alias.End.Index, "", ScalarStyle.Plain);
            default:
                throw new UnreachableException($"Unexpected YAML event {next.GetType().Name}.");
        }
    }

    private YamlMap ReadMapping(MappingStart start)
    {
        var entries = new List<KeyValuePair<YamlText, YamlTree>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!_parser.Accept<MappingEnd>(out _))
        {
            YamlTree key = ReadNode();
            YamlTree value = ReadNode();
            if (key is not YamlText text)
            {
                _report(key.Start, $"a key must be a single name, not {key.Kind}");
                continue;
            }

            if (!seen.Add(text.Value))
            {
                _report(text.Start, $"duplicate key '{text.Value}'; each key may appear once in a map");
                continue;
            }

            entries.Add(new(text, value));
        }

        MappingEnd end = _parser.Consume<MappingEnd>();
        return new YamlMap((int)start.Start.Index, (int)end.End.Index, entries);
    }

    private YamlTree Remember(AnchorName anchor, YamlTree node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value!] = node;
        }

        return node;
    }

    // YamlDotNet's scanner throws InvalidOperationException on some malformed input; only those are syntax errors.
    private static bool ThrownByYamlDotNet(Exception e) =>
        new StackTrace(e, fNeedFileInfo: false).GetFrames().FirstOrDefault()?.GetMethod()?.DeclaringType?.Assembly == typeof(Parser).Assembly;

    // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): "; the position is reported separately.
    private static string CleanMessage(string message)
    {
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        string text = cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
        return text.Trim().TrimEnd('.');
    }
}
