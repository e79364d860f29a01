namespace KanPde.Runner.Plotting.Svg;

/// <summary>A rectangle in pixels, y growing downwards.</summary>
internal readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;
}
