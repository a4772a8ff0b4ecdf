namespace RuleForge.Planning;

/// <summary>One postscreen_dnsbl_sites entry: zone=filter*weight.</summary>
public sealed record PostscreenSite(string BlocklistId, string Zone, string CodeFilter, int Weight)
{
    /// <summary>The entry as main.cf spells it.</summary>
    public string Text => $"{Zone}={CodeFilter}*{Weight}";
}
