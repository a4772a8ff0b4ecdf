namespace RuleForge.Validation.Shapes;

/// <summary>A value of any one of several shapes (such as a word or a mapping).</summary>
public sealed record AnyOfShape(IReadOnlyList<ValueShape> Options) : ValueShape;
