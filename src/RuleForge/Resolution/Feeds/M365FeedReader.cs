using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// Microsoft 365 endpoint sets: an array of {id, serviceArea, ips[], tcpPorts, udpPorts,
/// category, required, ...}; one row per set. Port lists ("25,587") become list fields so that
/// a filter can say "tcpPorts contains 25".
/// </summary>
/// <remarks>Note: only some sets carry <c>ips</c>; the others are rows without CIDRs.</remarks>
internal static class M365FeedReader
{
    private static readonly string[] PortFields = ["tcpPorts", "udpPorts"];

    public static IEnumerable<FeedRow> Read(FeedJsonDocument document)
    {
        if (document.Kind != JsonValueKind.Array)
        {
            throw new FeedReadException("a Microsoft 365 endpoint feed is an array of endpoint sets");
        }

        var number = 0;
        foreach (var item in document.Items([]))
        {
            var row = FeedJson.Row(++number, item, "ips");
            var fields = new Dictionary<string, IReadOnlyList<string>>(row.Fields, StringComparer.Ordinal);
            foreach (var ports in PortFields)
            {
                if (fields.TryGetValue(ports, out var text) && text.Count == 1)
                {
                    // Limitation: a port range such as "3478-3481" stays one value; "contains 3479"
                    // does not match it.
                    fields[ports] = text[0].Split(',',
                        StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                }
            }

            yield return row with { Fields = fields };
        }
    }
}
