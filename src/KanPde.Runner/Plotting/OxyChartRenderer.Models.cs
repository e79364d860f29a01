using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace KanPde.Runner.Plotting;

/// <summary>The OxyPlot models of an <see cref="XYChart"/> and a <see cref="HeatMapChart"/>.</summary>
public sealed partial class OxyChartRenderer
{
    private static readonly OxyColor GridLine = OxyColor.FromRgb(0xE4, 0xE4, 0xE4);

    private static PlotModel Xy(XYChart chart)
    {
        PlotModel m = NewModel(chart.Title, chart.Compact);
        m.Axes.Add(NewAxis(chart.X, AxisPosition.Bottom, chart.Compact));
        m.Axes.Add(NewAxis(chart.Y, AxisPosition.Left, chart.Compact));
        foreach (OxyPlot.Axes.Axis axis in m.Axes.Where(_ => chart.HideAxes))
        {
            axis.IsAxisVisible = false;
        }
        bool xLog = chart.X.Scale == AxisScale.Log, yLog = chart.Y.Scale == AxisScale.Log;
        for (int k = 0; k < chart.Series.Count; k++)
        {
            Series s = chart.Series[k];
            OxyColor color = Color(s.Color ?? Palette.ForIndex(k));
            var line = new LineSeries
            {
                Title = s.InLegend && !chart.Compact ? s.Name : null, Color = color, StrokeThickness = !s.Line ? 0 : chart.Compact ? 1.25 : s.LineWidth,
                LineStyle = !s.Line ? LineStyle.None : s.Dash switch { LineDash.Dashed => LineStyle.Dash, LineDash.Dotted => LineStyle.Dot, _ => LineStyle.Solid },
                MarkerType = s.Marker switch { MarkerShape.Circle => MarkerType.Circle, MarkerShape.Square => MarkerType.Square, _ => MarkerType.None },
                MarkerFill = color, MarkerSize = 5,
            };
            for (int p = 0; p < s.X.Count; p++)
            {
                bool drawn = double.IsFinite(s.X[p]) && double.IsFinite(s.Y[p]) && (!xLog || s.X[p] > 0) && (!yLog || s.Y[p] > 0);
                if (drawn)
                {
                    line.Points.Add(new DataPoint(s.X[p], s.Y[p]));
                    if (s.PointLabels?[p] is { } label)
                    {
                        m.Annotations.Add(new TextAnnotation { Text = label, TextPosition = new DataPoint(s.X[p], s.Y[p]), Offset = new ScreenVector(9, 0),
                            Stroke = OxyColors.Transparent, TextColor = color, TextVerticalAlignment = VerticalAlignment.Middle, TextHorizontalAlignment = HorizontalAlignment.Left });
                    }
                }
                else if (!s.BridgeGaps)
                {
                    line.Points.Add(DataPoint.Undefined);
                }
            }

            m.Series.Add(line);
        }

        for (int k = 0; k < chart.Markers.Count; k++)
        {
            // Labels alternate between two heights, so that those of stages close together do not overlap.
            VerticalMarker marker = chart.Markers[k];
            m.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical, X = marker.X, Color = Color(Palette.Grey), LineStyle = LineStyle.Dash, StrokeThickness = 1,
                Text = marker.Label, TextColor = Color(Palette.Grey), TextOrientation = AnnotationTextOrientation.Horizontal,
                TextHorizontalAlignment = HorizontalAlignment.Left, TextVerticalAlignment = VerticalAlignment.Top, TextLinePosition = k % 2 == 0 ? 1 : 0.94, TextMargin = 3,
            });
        }

        if (!chart.Compact && chart.Series.Any(s => s.InLegend))
        {
            m.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.RightTop, LegendFontSize = 12,
                LegendBorder = OxyColor.FromRgb(0xCC, 0xCC, 0xCC), LegendBackground = OxyColors.White, LegendSymbolLength = 36 });
        }

        return m;
    }

    private static (IPlotModel, double, double) HeatMap(HeatMapChart chart)
    {
        GridField f = chart.Field;
        PlotModel m = NewModel(chart.Title, compact: false);
        m.TitleFontSize = 14;

        // Fixed margins, so that panels side by side have plot areas of the same size and the colour bar adds width.
        var margins = new OxyThickness(62, 8, chart.ColorBar ? 112 : 12, 48);
        m.PlotMargins = margins;
        m.Axes.Add(NewAxis(chart.X with { Min = f.XMin, Max = f.XMax }, AxisPosition.Bottom, false));
        m.Axes.Add(NewAxis(chart.Y with { Min = f.YMin, Max = f.YMax }, AxisPosition.Left, false));
        bool log = chart.Value.Scale == AxisScale.Log;
        OxyPlot.Axes.Axis colors = Configure(log
            ? new LogarithmicColorAxis { Palette = OxyPalettes.Viridis(256), InvalidNumberColor = OxyColors.LightGray }
            : (OxyPlot.Axes.Axis)new LinearColorAxis { Palette = OxyPalettes.Viridis(256), InvalidNumberColor = OxyColors.LightGray },
            chart.Value, AxisPosition.Right, false);
        (colors.IsAxisVisible, colors.AxisDistance, colors.MajorGridlineStyle) = (chart.ColorBar, 14, LineStyle.None);
        m.Axes.Add(colors);
        var data = new double[f.Nx, f.Ny];
        for (int p = 0; p < f.Values.Count; p++)
        {
            data[p % f.Nx, p / f.Nx] = log && f.Values[p] <= 0 ? chart.Value.Min ?? double.Epsilon : f.Values[p];
        }

        m.Series.Add(new HeatMapSeries
        {
            X0 = f.XMin, X1 = f.XMax, Y0 = f.YMin, Y1 = f.YMax, Data = data, Interpolate = false,
            CoordinateDefinition = HeatMapCoordinateDefinition.Center, RenderMethod = HeatMapRenderMethod.Bitmap,
        });
        foreach (IReadOnlyList<(double X, double Y)> line in chart.Outline)
        {
            var outline = new LineSeries { Color = OxyColors.Black, StrokeThickness = 1.5 };
            outline.Points.AddRange(line.Select(p => new DataPoint(p.X, p.Y)));
            m.Series.Add(outline);
        }

        double titleHeight = chart.Title is null ? 0 : 30;
        return (m, chart.PlotWidth + margins.Left + margins.Right + m.Padding.Left + m.Padding.Right,
            chart.PlotHeight + margins.Top + margins.Bottom + titleHeight + m.Padding.Top + m.Padding.Bottom);
    }

    private static OxyPlot.Axes.Axis NewAxis(Axis axis, AxisPosition position, bool compact) =>
        Configure(axis.Scale == AxisScale.Log ? new LogarithmicAxis() : new LinearAxis(), axis, position, compact);

    private static OxyPlot.Axes.Axis Configure(OxyPlot.Axes.Axis a, Axis axis, AxisPosition position, bool compact)
    {
        // Errors and losses on log axes as 10ⁿ; parameters and seconds along x as plain numbers (60, 100, 200, …).
        a.UseSuperExponentialFormat = axis.Scale == AxisScale.Log && position != AxisPosition.Bottom;
        (a.Position, a.Title, a.Minimum, a.Maximum) = (position, compact ? null : axis.Title, axis.Min ?? double.NaN, axis.Max ?? double.NaN);
        (a.MajorGridlineStyle, a.MajorGridlineColor, a.MinorTickSize) = (compact ? LineStyle.None : LineStyle.Solid, GridLine, compact ? 0 : 3);
        a.MaximumPadding = a.MinimumPadding = axis.Min is null ? 0.03 : 0;
        (a.IntervalLength, a.AxisTitleDistance) = (compact ? 30 : 70, 10);
        return a;
    }
}
