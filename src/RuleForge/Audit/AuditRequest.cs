using RuleForge.Pipeline;

namespace RuleForge.Audit;

/// <summary>What to audit: any of the three configuration folders, and optionally a policy to prove against.</summary>
/// <param name="PostfixFolder">Holds main.cf (or main.cf.fragment), master.cf and the lookup tables.</param>
/// <param name="RspamdFolder">Holds local.d/ and override.d/.</param>
/// <param name="SpamAssassinFolder">Holds the site's *.pre and *.cf files.</param>
/// <param name="PolicyPath">A policy whose proof must hold with the deployment's own configuration.</param>
/// <param name="PolicyDisplayPath">The policy path as messages name it.</param>
/// <param name="Defaults">Install paths and thresholds for building the policy.</param>
public sealed record AuditRequest(
    string? PostfixFolder,
    string? RspamdFolder,
    string? SpamAssassinFolder,
    string? PolicyPath,
    string? PolicyDisplayPath,
    PolicyDefaults Defaults);
