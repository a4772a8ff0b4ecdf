namespace RuleForge.Rendering.Html;

/// <summary>A vertical line across a chart at a threshold, labelled at the top.</summary>
/// <param name="Label">The action and its threshold, e.g. "greylist 4.0".</param>
/// <param name="X">Where the line is.</param>
/// <param name="LabelY">Baseline of the label; each marker has a line of its own.</param>
/// <param name="Kind">CSS class: "lowest" for the threshold the proof compares with, else "threshold".</param>
public sealed record ChartMarker(string Label, string X, string LabelY, string Kind);
