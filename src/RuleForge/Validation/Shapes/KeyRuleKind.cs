namespace RuleForge.Validation.Shapes;

/// <summary>How a <see cref="KeyRule"/> ties keys of one mapping together.</summary>
public enum KeyRuleKind
{
    /// <summary>At least one of the keys is present.</summary>
    AtLeastOne,

    /// <summary>Exactly one of the keys is present.</summary>
    ExactlyOne,

    /// <summary>When the key is present, so are the other keys.</summary>
    Requires,

    /// <summary>When the key has the value, the other keys are present.</summary>
    RequiredWhen,

    /// <summary>When the key is present with another value, the other keys are absent.</summary>
    ForbiddenUnless,
}
