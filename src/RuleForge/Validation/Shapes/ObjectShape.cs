namespace RuleForge.Validation.Shapes;

/// <summary>
/// A mapping with fixed keys: anything else is an unknown key. <see cref="Context"/> names the
/// mapping in diagnostics ("targets.postfix", "a sender").
/// </summary>
public sealed record ObjectShape(string Context, IReadOnlyList<KeyShape> Keys, IReadOnlyList<KeyRule> Rules)
    : ValueShape
{
    /// <summary>A mapping with these keys and no presence rules.</summary>
    public ObjectShape(string context, params KeyShape[] keys)
        : this(context, keys, [])
    {
    }

    /// <summary>The key names, in the order the reference documents them.</summary>
    public string[] Names => [.. Keys.Select(k => k.Name)];

    /// <summary>The declared key, or null.</summary>
    public KeyShape? Find(string name) => Keys.FirstOrDefault(k => k.Name == name);

    /// <summary>True when a rule can make the key required.</summary>
    public bool IsConditionallyRequired(string name) => Rules.Any(r =>
        r.Kind is KeyRuleKind.Requires or KeyRuleKind.RequiredWhen or KeyRuleKind.AtLeastOne
            or KeyRuleKind.ExactlyOne
        && r.Keys.Contains(name));
}
