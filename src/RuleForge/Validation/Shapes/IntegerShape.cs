namespace RuleForge.Validation.Shapes;

/// <summary>An unquoted whole number from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
public sealed record IntegerShape(int Minimum, int Maximum) : ValueShape;
