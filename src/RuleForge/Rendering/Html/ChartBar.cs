namespace RuleForge.Rendering.Html;

/// <summary>One bar: a label on the left, one or more segments, and its value at its end.</summary>
/// <param name="Label">What the bar is, e.g. "worst case" or a trust rule's name.</param>
/// <param name="ValueText">The bar's value as the proof states it.</param>
/// <param name="Y">Top of the bar.</param>
/// <param name="TextY">Baseline for the label and the value.</param>
/// <param name="ValueX">Where the value text starts.</param>
/// <param name="Segments">The bar's parts, left to right.</param>
public sealed record ChartBar(
    string Label,
    string ValueText,
    string Y,
    string TextY,
    string ValueX,
    IReadOnlyList<ChartSegment> Segments);
