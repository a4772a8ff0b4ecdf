namespace RuleForge.Model;

/// <summary>SpamAssassin settings; 3.4 uses the "whitelist" names, 4.0 "welcomelist".</summary>
public sealed record SpamAssassinTarget(
    Version Version, double RequiredScore, string PluginDirectory, IReadOnlyList<string> DisableStockRules)
{
    /// <summary>True for 4.0 and later.</summary>
    public bool UsesWelcomelistNames => Version.Major >= 4;
}
