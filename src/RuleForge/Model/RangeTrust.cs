using RuleForge.Net;

namespace RuleForge.Model;

/// <summary>Trust by client IP: the aggregated ranges and where each came from.</summary>
/// <param name="Networks">Minimal CIDR cover of every range, IPv4 first. Before resolution it
/// holds only the inline ranges.</param>
/// <param name="Sources">Provenance: each input range with the place it came from.</param>
/// <param name="Selections">Rows chosen from feeds; resolution adds their ranges.</param>
/// <param name="SpfDomains">Domains whose flattened SPF ranges are trusted; resolution adds the
/// ranges pinned for them in the policy's lockfile.</param>
/// <param name="EnvelopeDomainRequired">When true, the client IP counts only together with an
/// envelope sender in one of the sender's domains (a Postfix restriction class).</param>
/// <param name="Acknowledged">Range checks the policy has consciously waived.</param>
public sealed record RangeTrust(
    IReadOnlyList<IpNetwork> Networks,
    IReadOnlyList<RangeSource> Sources,
    IReadOnlyList<FeedSelection> Selections,
    IReadOnlyList<SpfTrust> SpfDomains,
    bool EnvelopeDomainRequired,
    IReadOnlyList<string> Acknowledged);
