using System.Globalization;
using System.Xml.Linq;

namespace KanPde.Runner.Reporting;

/// <summary>Places rendered SVG documents in rows and columns of one document (e.g. heat maps of several slices).</summary>
public static class SvgComposer
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>
    /// One document holding <paramref name="documents"/> left to right and then top to bottom, <paramref name="columns"/>
    /// to a row, each as a nested <c>svg</c> element at its own size in a cell as large as the largest part, with an
    /// optional title above. The parts' element ids must already differ.
    /// </summary>
    public static string Grid(IReadOnlyList<string> documents, int columns, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (documents.Count == 0)
        {
            throw new ArgumentException("Nothing to place.", nameof(documents));
        }

        XElement[] parts = [.. documents.Select(d => XElement.Parse(d))];
        double top = string.IsNullOrEmpty(title) ? 0 : 34;
        double cellWidth = parts.Max(p => Size(p, "width")), cellHeight = parts.Max(p => Size(p, "height"));
        columns = Math.Min(columns, parts.Length);
        int rows = (parts.Length + columns - 1) / columns;
        for (int k = 0; k < parts.Length; k++)
        {
            parts[k].SetAttributeValue("x", Num(k % columns * cellWidth));
            parts[k].SetAttributeValue("y", Num(top + k / columns * cellHeight));
        }

        double x = columns * cellWidth, height = rows * cellHeight;

        var root = new XElement(Ns + "svg",
            new XAttribute("width", Num(x)), new XAttribute("height", Num(top + height)),
            new XAttribute("viewBox", $"0 0 {Num(x)} {Num(top + height)}"),
            new XAttribute("font-family", "Helvetica, Arial, sans-serif"),
            new XElement(Ns + "rect", new XAttribute("width", Num(x)), new XAttribute("height", Num(top + height)), new XAttribute("fill", "#ffffff")));
        if (!string.IsNullOrEmpty(title))
        {
            root.Add(new XElement(Ns + "text", new XAttribute("class", "title"), new XAttribute("x", Num(x / 2)), new XAttribute("y", "24"),
                new XAttribute("font-size", "17"), new XAttribute("text-anchor", "middle"), new XAttribute("fill", "#222222"), title));
        }

        root.Add(parts);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static double Size(XElement svg, string attribute) =>
        double.Parse((string?)svg.Attribute(attribute) ?? throw new ArgumentException($"An SVG part has no {attribute}."), CultureInfo.InvariantCulture);

    private static string Num(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
