namespace RuleForge.Validation.Shapes;

/// <summary>A mapping whose keys are the user's own (feed field names), each with a value of one shape.</summary>
public sealed record MapShape(ValueShape Values) : ValueShape;
