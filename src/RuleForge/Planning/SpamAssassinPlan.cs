namespace RuleForge.Planning;

/// <summary>Everything the SpamAssassin templates print, already decided.</summary>
/// <param name="PluginPath">Where RuleForge's relay plugin is installed, or null when no sender has ranges.</param>
/// <param name="ClientNets">Networks per list name, read by the relay plugin.</param>
/// <param name="Welcomelists">welcomelist_auth-family lines (whitelist_ in 3.4).</param>
/// <param name="Rules">Rules in order: sub-rules before the rules that use them.</param>
/// <param name="DisabledStockRules">Stock rules scored 0 because the policy replaces them.</param>
/// <param name="TrustedNetworks">The site's own relays.</param>
public sealed record SpamAssassinPlan(
    string? PluginPath,
    IReadOnlyList<SaClientNet> ClientNets,
    IReadOnlyList<SaWelcomelist> Welcomelists,
    IReadOnlyList<SaRule> Rules,
    IReadOnlyList<string> DisabledStockRules,
    IReadOnlyList<string> TrustedNetworks,
    double RequiredScore,
    bool NeedsDmarc,
    ContentScoring Scoring);
