using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RuleForge.Live;

/// <summary>
/// Writes the dnsmasq configuration that serves a run's zones on loopback: every blocklist
/// answer of every scenario and every sender domain's records. Everything else is NXDOMAIN.
/// </summary>
internal static class LiveZones
{
    /// <summary>Test TLDs (RFC 2606, RFC 6761) that SpamAssassin must be told are TLDs.</summary>
    private static readonly string[] TestTlds = ["example", "test", "invalid", "localhost"];

    /// <summary>
    /// The dnsmasq configuration; the DKIM key records are appended inside the sandbox once the
    /// key exists. Conflicting answers for one name are returned as problems.
    /// </summary>
    public static string Config(LiveRun run, List<string> problems)
    {
        var text = new StringBuilder();
        text.Append("# RuleForge live harness: loopback-only DNS\n");
        text.Append("no-resolv\nno-hosts\nbind-interfaces\nlisten-address=127.0.0.1\n");
        text.Append("local=/#/\nlog-queries\ncache-size=0\n");

        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in run.Scenarios)
        {
            foreach (var listing in s.Listings)
            {
                var name = QueryName(listing);
                if (answers.TryGetValue(name, out var other) && other != listing.Answer)
                {
                    problems.Add($"scenario '{s.Name}': {name} is listed as both {other} and {listing.Answer}");
                    continue;
                }

                answers[name] = listing.Answer;
            }
        }

        foreach (var (name, answer) in answers)
        {
            text.Append($"address=/{name}/{answer}\n");
        }

        foreach (var d in run.Domains)
        {
            // Note: host-record also answers the PTR of the address; a scenario that connects
            // from a domain's A record address therefore has verified reverse DNS in Postfix.
            text.Append($"host-record={d.Domain},{d.ARecord}\n");
            if (d.Spf is not null)
            {
                text.Append($"txt-record={d.Domain},{Quote(d.Spf)}\n");
            }

            if (d.Dmarc is not null)
            {
                text.Append($"txt-record=_dmarc.{d.Domain},{Quote(d.Dmarc)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The name looked up for a listing: reversed IPv4 octets, IPv6 nibbles, or a domain.</summary>
    public static string QueryName(DnsListing listing)
    {
        var zone = listing.Zone.TrimEnd('.').ToLowerInvariant();
        if (!IPAddress.TryParse(listing.Subject, out var ip))
        {
            return $"{listing.Subject.TrimEnd('.').ToLowerInvariant()}.{zone}";
        }

        var bytes = ip.GetAddressBytes();
        var labels = ip.AddressFamily == AddressFamily.InterNetwork
            ? bytes.Reverse().Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : bytes.Reverse().SelectMany(b => new[] { Nibble(b & 0xf), Nibble(b >> 4) });
        return $"{string.Join('.', labels)}.{zone}";
    }

    /// <summary>The test TLDs that the run's domains use.</summary>
    public static IEnumerable<string> UsedTestTlds(LiveRun run)
    {
        var domains = run.Domains.Select(d => d.Domain)
            .Concat(run.Scenarios.SelectMany(s => new[] { Domain(s.EnvelopeFrom), Domain(s.HeaderFrom) }))
            .Concat(run.Scenarios.Select(s => s.DkimDomain).OfType<string>());
        var tlds = domains.Select(d => d.TrimEnd('.').Split('.')[^1].ToLowerInvariant()).ToHashSet();
        return TestTlds.Where(tlds.Contains);
    }

    /// <summary>The domain part of an address.</summary>
    public static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];

    // Note: dnsmasq takes one TXT record as several quoted strings; each may hold 255 bytes.
    private static string Quote(string txt) =>
        string.Join(',', txt.Chunk(255).Select(c => $"\"{new string(c)}\""));

    private static string Nibble(int value) => "0123456789abcdef"[value].ToString();
}
