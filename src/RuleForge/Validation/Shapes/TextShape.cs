namespace RuleForge.Validation.Shapes;

/// <summary>
/// A scalar read as text. With <see cref="AnyScalar"/> a bare number or boolean counts as
/// well (the binder reads every scalar as written); a pattern applies to strings.
/// </summary>
/// <param name="Pattern">A regular expression the whole value matches (the binder uses the same one).</param>
/// <param name="MaxLength">The longest value accepted.</param>
/// <param name="AnyScalar">True when a number or boolean is read as its text.</param>
public sealed record TextShape(string? Pattern = null, int? MaxLength = null, bool AnyScalar = false) : ValueShape;
