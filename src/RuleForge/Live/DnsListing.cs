namespace RuleForge.Live;

/// <summary>
/// A blocklist answer: the zone, what is looked up (an IP, reversed by the harness, or a
/// domain) and the A record returned, e.g. 127.0.0.2 or the error answer 127.255.255.254.
/// </summary>
public sealed record DnsListing(string Zone, string Subject, string Answer);
