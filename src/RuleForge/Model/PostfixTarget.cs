namespace RuleForge.Model;

/// <summary>Postfix settings: version-dependent spelling, where rejects go, postscreen.</summary>
/// <param name="Version">Major.minor, e.g. 3.7; 3.6 and later spell "allowlist".</param>
/// <param name="RestrictionList">The smtpd restriction list that holds trust and blocklist checks.</param>
/// <param name="Before">Site restrictions kept ahead of RuleForge's checks, such as permit_mynetworks.</param>
/// <param name="Postscreen">Postscreen settings, or null when postscreen is not used.</param>
/// <param name="ConfigDirectory">Where the lookup tables are installed, e.g. /etc/postfix/ruleforge.</param>
public sealed record PostfixTarget(
    Version Version,
    string RestrictionList,
    IReadOnlyList<string> Before,
    PostscreenSettings? Postscreen,
    string ConfigDirectory)
{
    /// <summary>True when the version spells the postscreen parameters "allowlist".</summary>
    public bool UsesAllowlistSpelling => Version >= new Version(3, 6);
}
