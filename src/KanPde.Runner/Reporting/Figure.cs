using KanPde.Runner.Plotting;

namespace KanPde.Runner.Reporting;

/// <summary>One plot of a run: its file name without extension (saved as NAME.svg and NAME.png), a caption, the pictures.</summary>
public sealed record Figure(string Name, string Caption, RenderedChart Image)
{
    /// <summary>The SVG file's name.</summary>
    public string SvgFile => Name + ".svg";

    /// <summary>The PNG file's name.</summary>
    public string PngFile => Name + ".png";
}
