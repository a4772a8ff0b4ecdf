namespace RuleForge.Validation.Shapes;

/// <summary>One key of a mapping with fixed keys.</summary>
/// <param name="Name">The key as written in the policy.</param>
/// <param name="Value">What its value may be.</param>
/// <param name="Required">True when the mapping must always have the key.</param>
/// <param name="Description">A line for editors and the schema.</param>
public sealed record KeyShape(string Name, ValueShape Value, bool Required, string Description);
