namespace RuleForge.Rendering.Html;

/// <summary>A part of a bar: a blocklist's score, the margin, a credit or a result.</summary>
/// <param name="Label">What the part is, with its value (the SVG title of the rectangle).</param>
/// <param name="X">Left edge.</param>
/// <param name="Width">Width; at least one unit so a zero is still visible.</param>
/// <param name="Kind">CSS class: blocklist, margin, credit, pass or fail.</param>
public sealed record ChartSegment(string Label, string X, string Width, string Kind);
