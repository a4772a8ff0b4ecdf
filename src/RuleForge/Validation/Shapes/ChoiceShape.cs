namespace RuleForge.Validation.Shapes;

/// <summary>One of a fixed set of words.</summary>
public sealed record ChoiceShape(IReadOnlyList<string> Words) : ValueShape;
