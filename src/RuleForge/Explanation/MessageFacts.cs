using RuleForge.Net;

namespace RuleForge.Explanation;

/// <summary>
/// What is known about one message: the client, the envelope and header senders, the
/// authentication results, and what each blocklist answers (zone to A record).
/// </summary>
/// <param name="DkimDomain">The signing domain of a valid signature when <see cref="Dkim"/> is Pass.</param>
/// <param name="Listings">Blocklist answers by zone, e.g. zen.spamhaus.org to 127.0.0.2.</param>
public sealed record MessageFacts(
    IpFamily ClientFamily,
    UInt128 ClientAddress,
    string EnvelopeFrom,
    string HeaderFrom,
    AuthResult Spf,
    AuthResult Dkim,
    string? DkimDomain,
    AuthResult Dmarc,
    IReadOnlyDictionary<string, uint> Listings)
{
    /// <summary>The client address as text.</summary>
    public string ClientIp => IpNetwork.FormatAddress(ClientFamily, ClientAddress);

    /// <summary>The envelope sender's domain, lower case ("" for the null sender).</summary>
    public string EnvelopeDomain => DomainOf(EnvelopeFrom);

    /// <summary>The header From domain, lower case.</summary>
    public string HeaderDomain => DomainOf(HeaderFrom);

    /// <summary>The answer a zone gives for this message, if it lists it at all.</summary>
    public uint? AnswerOf(string zone) => Listings.TryGetValue(zone, out var a) ? a : null;

    /// <summary>The domain of an address, lower case ("" for the null sender).</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return (at < 0 ? "" : address[(at + 1)..]).Trim('>', ' ').ToLowerInvariant();
    }
}
