using RuleForge.Net;

namespace RuleForge.Explanation;

/// <summary>
/// Matches a DNSBL answer against a Postfix d.d.d.d filter as written in main.cf, where each
/// octet is a number or a bracketed list of numbers and n..m ranges: 127.0.0.[2..11].
/// </summary>
public static class PostfixPattern
{
    /// <summary>True when the answer matches the filter.</summary>
    public static bool Matches(string filter, uint answer)
    {
        // Note: a bracketed octet holds ".." ranges, so split on the first three dots only.
        var octets = filter.Split('.', 4);
        if (octets.Length != 4)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            var value = (int)((answer >> (8 * (3 - i))) & 255);
            if (!OctetMatches(octets[i], value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits "zone=filter" as reject_rbl_client and postscreen_dnsbl_sites write it.</summary>
    public static (string Zone, string? Filter) Split(string site)
    {
        var eq = site.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (site, null) : (site[..eq], site[(eq + 1)..]);
    }

    private static bool OctetMatches(string octet, int value)
    {
        if (!octet.StartsWith('['))
        {
            return int.TryParse(octet, out var n) && n == value;
        }

        foreach (var part in octet.Trim('[', ']').Split(';'))
        {
            var bounds = part.Split("..");
            if (int.TryParse(bounds[0], out var lo) && int.TryParse(bounds[^1], out var hi)
                && value >= lo && value <= hi)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a cidr table key; tables RuleForge writes hold only valid networks.</summary>
    public static IpNetwork Network(string key) =>
        IpNetwork.TryParse(key, out var n, out _) ? n : throw new InvalidOperationException($"bad cidr key {key}");
}
