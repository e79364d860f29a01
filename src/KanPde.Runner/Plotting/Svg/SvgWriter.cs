using System.Globalization;
using System.Text;
using KanPde.Runner.Plotting.Scales;

namespace KanPde.Runner.Plotting.Svg;

/// <summary>
/// Writes SVG markup: one element at a time, every attribute value and text escaped, every number
/// rounded to two decimals in the invariant culture (so output is compact and deterministic).
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<string> _open = new();
    private bool _inStartTag;

    /// <summary>Starts the document: the root element and a white background.</summary>
    public SvgWriter(double width, double height)
    {
        Start("svg").Attr("xmlns", "http://www.w3.org/2000/svg")
            .Attr("width", width).Attr("height", height).Attr("viewBox", $"0 0 {Num(width)} {Num(height)}")
            .Attr("font-family", "Helvetica, Arial, sans-serif").Attr("fill", Palette.Ink.ToHex()).Open();
        Start("rect").Attr("width", width).Attr("height", height).Attr("fill", "#ffffff").End();
    }

    /// <summary>Begins an element; add attributes, then <see cref="End"/> it or <see cref="Open"/> it.</summary>
    public SvgWriter Start(string tag)
    {
        FinishStartTag();
        _sb.Append('<').Append(tag);
        _open.Push(tag);
        _inStartTag = true;
        return this;
    }

    /// <summary>Adds an attribute with an escaped text value.</summary>
    public SvgWriter Attr(string name, string value)
    {
        _sb.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        return this;
    }

    /// <summary>Adds an attribute with a number value.</summary>
    public SvgWriter Attr(string name, double value) => Attr(name, Num(value));

    /// <summary>Closes the current start tag as an empty element ("/&gt;").</summary>
    public void End()
    {
        _sb.Append("/>");
        _open.Pop();
        _inStartTag = false;
    }

    /// <summary>Leaves the current element open for children; close it with <see cref="Close"/>.</summary>
    public SvgWriter Open()
    {
        FinishStartTag();
        return this;
    }

    /// <summary>Writes escaped character data into the open element.</summary>
    public SvgWriter Content(string text)
    {
        FinishStartTag();
        _sb.Append(Escape(text));
        return this;
    }

    /// <summary>Closes the innermost open element.</summary>
    public void Close()
    {
        FinishStartTag();
        _sb.Append("</").Append(_open.Pop()).Append('>');
    }

    /// <summary>Closes every open element and returns the document.</summary>
    public override string ToString()
    {
        while (_open.Count > 0)
        {
            Close();
        }

        return _sb.Append('\n').ToString();
    }

    /// <summary>
    /// A text element at (x, y) with the given anchor ("start", "middle", "end") and size; a label's
    /// exponent becomes a raised, smaller tspan. Extra attributes can follow before it is closed.
    /// </summary>
    public void Text(double x, double y, TickLabel label, double size, string anchor = "start", string? cssClass = null, string? transform = null)
    {
        Start("text").Attr("x", x).Attr("y", y).Attr("font-size", size);
        if (anchor != "start")
        {
            Attr("text-anchor", anchor);
        }

        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        if (transform is not null)
        {
            Attr("transform", transform);
        }

        Content(label.Text);
        if (label.Exponent is not null)
        {
            Start("tspan").Attr("dy", -0.45 * size).Attr("font-size", 0.72 * size).Content(label.Exponent).Close();
        }

        Close();
    }

    /// <summary>Plain text; see <see cref="Text(double, double, TickLabel, double, string, string?, string?)"/>.</summary>
    public void Text(double x, double y, string text, double size, string anchor = "start", string? cssClass = null, string? transform = null) =>
        Text(x, y, new TickLabel(text), size, anchor, cssClass, transform);

    /// <summary>A number rounded to two decimals, invariant culture, no trailing zeros, never "-0".</summary>
    public static string Num(double v)
    {
        double r = Math.Round(v, 2);
        return r == 0 ? "0" : r.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Escapes &amp; &lt; &gt; " ' for XML and drops the characters XML 1.0 forbids (most control
    /// characters, lone surrogates), so any caller text yields a well-formed document.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (c is '\t' or '\n' or '\r' || (c >= 0x20 && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF'))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Keeps letters, digits, '-' and '_' of an id prefix, starting with a letter.</summary>
    public static string IdPrefix(string id)
    {
        string kept = new(id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return kept.Length > 0 && char.IsAsciiLetter(kept[0]) ? kept : "c" + kept;
    }

    private void FinishStartTag()
    {
        if (_inStartTag)
        {
            _sb.Append('>');
            _inStartTag = false;
        }
    }
}
