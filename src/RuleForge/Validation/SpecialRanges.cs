using RuleForge.Net;

namespace RuleForge.Validation;

/// <summary>
/// Address space a sender's published ranges should never include unless the policy says so.
/// Each entry's kind is also the word the policy uses to acknowledge it.
/// </summary>
public static class SpecialRanges
{
    /// <summary>Words a policy may list under ranges.acknowledge.</summary>
    public static readonly IReadOnlyList<string> AcknowledgementWords =
        ["broad", "private", "loopback", "documentation", "link-local", "this-network",
         "multicast", "shared", "reserved"];

    private static readonly (string Kind, IpNetwork Network)[] Table = Build(
        ("this-network", "0.0.0.0/8"), ("private", "10.0.0.0/8"), ("shared", "100.64.0.0/10"),
        ("loopback", "127.0.0.0/8"), ("link-local", "169.254.0.0/16"), ("private", "172.16.0.0/12"),
        ("documentation", "192.0.2.0/24"), ("private", "192.168.0.0/16"),
        ("documentation", "198.51.100.0/24"), ("documentation", "203.0.113.0/24"),
        ("multicast", "224.0.0.0/4"), ("reserved", "240.0.0.0/4"),
        ("this-network", "::/128"), ("loopback", "::1/128"), ("private", "fc00::/7"),
        ("link-local", "fe80::/10"), ("multicast", "ff00::/8"), ("documentation", "2001:db8::/32"),
        ("documentation", "3fff::/20"));

    /// <summary>Every special block that overlaps the network, with its kind.</summary>
    public static IEnumerable<(string Kind, IpNetwork Block)> Overlapping(IpNetwork network) =>
        Table.Where(t => t.Network.Overlaps(network));

    /// <summary>True when the network is wider than the trust bound for its family.</summary>
    public static bool IsBroad(IpNetwork network, out int bound)
    {
        bound = network.Family == IpFamily.V4 ? 16 : 32;
        return network.Prefix < bound;
    }

    private static (string, IpNetwork)[] Build(params (string Kind, string Cidr)[] entries) =>
        entries.Select(e =>
        {
            return IpNetwork.TryParse(e.Cidr, out var n, out _)
                ? (e.Kind, n)
                : throw new InvalidOperationException($"bad built-in range {e.Cidr}");
        }).ToArray();
}
