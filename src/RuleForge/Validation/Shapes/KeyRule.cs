namespace RuleForge.Validation.Shapes;

/// <summary>
/// A rule over the presence of keys in one mapping that a binder enforces beyond "known" and
/// "required" (see <see cref="KeyRuleKind"/>). <see cref="Key"/> and <see cref="Value"/> are
/// unused by <see cref="KeyRuleKind.AtLeastOne"/> and <see cref="KeyRuleKind.ExactlyOne"/>,
/// <see cref="Value"/> by
/// <see cref="KeyRuleKind.Requires"/>.
/// </summary>
public sealed record KeyRule(KeyRuleKind Kind, string? Key, string? Value, IReadOnlyList<string> Keys)
{
    /// <summary>At least one of the keys is present.</summary>
    public static KeyRule AtLeastOne(params string[] keys) => new(KeyRuleKind.AtLeastOne, null, null, keys);

    /// <summary>Exactly one of the keys is present.</summary>
    public static KeyRule ExactlyOne(params string[] keys) => new(KeyRuleKind.ExactlyOne, null, null, keys);

    /// <summary>When <paramref name="key"/> is present, so are <paramref name="keys"/>.</summary>
    public static KeyRule Requires(string key, params string[] keys) => new(KeyRuleKind.Requires, key, null, keys);

    /// <summary>When <paramref name="key"/> is <paramref name="value"/>, <paramref name="keys"/> are present.</summary>
    public static KeyRule RequiredWhen(string key, string value, params string[] keys) =>
        new(KeyRuleKind.RequiredWhen, key, value, keys);

    /// <summary>
    /// When <paramref name="key"/> is present and not <paramref name="value"/>, <paramref name="keys"/>
    /// are absent.
    /// </summary>
    public static KeyRule ForbiddenUnless(string key, string value, params string[] keys) =>
        new(KeyRuleKind.ForbiddenUnless, key, value, keys);
}
