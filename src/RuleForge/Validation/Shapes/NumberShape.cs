namespace RuleForge.Validation.Shapes;

/// <summary>An unquoted finite number at or above (or, when exclusive, above) a minimum.</summary>
public sealed record NumberShape(double Minimum, bool Exclusive) : ValueShape;
