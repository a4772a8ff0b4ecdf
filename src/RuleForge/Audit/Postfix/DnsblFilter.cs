namespace RuleForge.Audit.Postfix;

/// <summary>
/// Matches an answer against a Postfix DNSBL filter as a site may write it: four octets, each
/// a number or a bracketed list of numbers and n..m ranges, in any octet (127.0.[0..255].[2..11]).
/// </summary>
public static class DnsblFilter
{
    /// <summary>True when the answer matches; false for a filter that is not four octets.</summary>
    public static bool Matches(string filter, uint answer)
    {
        var octets = Octets(filter);
        if (octets.Count != 4)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!OctetMatches(octets[i], (int)((answer >> (8 * (3 - i))) & 255)))
            {
                return false;
            }
        }

        return true;
    }

    // Note: ".." inside brackets is a range, not an octet separator.
    private static List<string> Octets(string filter)
    {
        var octets = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < filter.Length; i++)
        {
            depth += filter[i] == '[' ? 1 : filter[i] == ']' ? -1 : 0;
            if (filter[i] == '.' && depth == 0)
            {
                octets.Add(filter[start..i]);
                start = i + 1;
            }
        }

        octets.Add(filter[start..]);
        return octets;
    }

    private static bool OctetMatches(string octet, int value)
    {
        if (!octet.StartsWith('['))
        {
            return int.TryParse(octet, out var n) && n == value;
        }

        foreach (var part in octet.Trim('[', ']').Split(';', ','))
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
}
