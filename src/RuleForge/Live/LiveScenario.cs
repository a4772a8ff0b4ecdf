namespace RuleForge.Live;

/// <summary>
/// One message to send through the real daemons: who connects, who it claims to be, whether it
/// is DKIM-signed (with the run's key for <see cref="DkimDomain"/>), and what each blocklist
/// answers for it. Every scenario uses its own client IP so that all listings can share one
/// loopback DNS server.
/// </summary>
/// <param name="Name">Short unique name, [a-z0-9-].</param>
/// <param name="ClientIp">Documentation address (IPv4 or IPv6) the message comes from.</param>
/// <param name="EnvelopeFrom">MAIL FROM address.</param>
/// <param name="HeaderFrom">From: header address.</param>
/// <param name="DkimDomain">Sign with d= this domain (a key made for the run), or null for unsigned.</param>
/// <param name="Listings">Blocklist answers the DNS server gives for this scenario.</param>
public sealed record LiveScenario(
    string Name,
    string ClientIp,
    string EnvelopeFrom,
    string HeaderFrom,
    string? DkimDomain,
    IReadOnlyList<DnsListing> Listings);
