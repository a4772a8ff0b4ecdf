namespace RuleForge.Rendering.Html;

/// <summary>
/// A horizontal bar chart laid out in SVG user units: the template prints the numbers as they
/// are and decides nothing. Coordinates are preformatted invariant strings, so the report is
/// byte-stable.
/// </summary>
/// <param name="Width">The drawing's width.</param>
/// <param name="Height">The drawing's height.</param>
/// <param name="ZeroX">Where the score 0 is on the x axis.</param>
/// <param name="LabelX">Where the bar labels end (they are right-aligned).</param>
/// <param name="BarHeight">The height of every bar.</param>
/// <param name="PlotTop">Top of the bar area (below the marker labels).</param>
/// <param name="PlotBottom">Bottom of the bar area.</param>
/// <param name="Bars">The bars, top to bottom.</param>
/// <param name="Markers">Vertical lines across the bars: the action thresholds.</param>
/// <param name="Description">The chart in words, for the SVG's title and for readers without it.</param>
public sealed record BarChart(
    string Width,
    string Height,
    string ZeroX,
    string LabelX,
    string BarHeight,
    string PlotTop,
    string PlotBottom,
    IReadOnlyList<ChartBar> Bars,
    IReadOnlyList<ChartMarker> Markers,
    string Description);
