namespace RuleForge.Validation.Shapes;

/// <summary>
/// What a policy value may be, as the binders read it. The binders take their keys and words
/// from these shapes and the JSON Schema is printed from them, so both say the same.
/// </summary>
public abstract record ValueShape;
