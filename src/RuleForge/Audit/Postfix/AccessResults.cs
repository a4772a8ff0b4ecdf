namespace RuleForge.Audit.Postfix;

/// <summary>Reads the result side of an access table entry.</summary>
public static class AccessResults
{
    private static readonly string[] NotTrust =
    [
        "REJECT", "DEFER", "DUNNO", "WARN", "HOLD", "DISCARD", "FILTER", "PREPEND", "REDIRECT", "BCC", "INFO",
        "DEFER_IF_", "SMTPUTF8", "4", "5",
    ];

    /// <summary>
    /// True when the result accepts the request or names a restriction class (which may), so the
    /// entry acts as trust; false for rejects, DUNNO and actions that do not stop the list.
    /// </summary>
    public static bool IsTrust(string value)
    {
        var word = value.Split(' ', 2)[0];
        return word.Length > 0 && !NotTrust.Any(n => word.StartsWith(n, StringComparison.OrdinalIgnoreCase));
    }
}
