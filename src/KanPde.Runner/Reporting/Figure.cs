namespace KanPde.Runner.Reporting;

/// <summary>One rendered plot: the file it is saved as, a caption for the report, and the SVG text.</summary>
public sealed record Figure(string FileName, string Caption, string Svg);
