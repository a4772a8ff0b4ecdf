using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>A validated policy: every value typed, every reference resolved by name.</summary>
/// <param name="Name">The policy's name, used in generated file headers.</param>
/// <param name="Description">What the policy is for, free text.</param>
/// <param name="SourceFile">The policy path as the user gave it (relative, for headers).</param>
/// <param name="Targets">Which daemons to configure and their thresholds.</param>
/// <param name="Margin">Headroom added to the worst-case blocklist sum in content filters.</param>
/// <param name="Feeds">IP-range feeds that senders select from.</param>
/// <param name="Senders">Trusted senders, in policy order.</param>
/// <param name="Blocklists">DNS blocklists, in policy order.</param>
/// <param name="SiteRelays">The site's own relays (SpamAssassin trusted_networks).</param>
public sealed record Policy(
    string Name,
    string? Description,
    string SourceFile,
    Targets Targets,
    double Margin,
    IReadOnlyList<FeedDefinition> Feeds,
    IReadOnlyList<TrustedSender> Senders,
    IReadOnlyList<Blocklist> Blocklists,
    IReadOnlyList<RuleForge.Net.IpNetwork> SiteRelays,
    SourceLocation Location);
