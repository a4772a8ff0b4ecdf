using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// GitHub meta, Fastly and Zscaler style: an object whose keys name services and hold lists of
/// CIDRs, IPv4 and IPv6 mixed. One row per CIDR with the field <c>service</c> set to the key.
/// </summary>
/// <remarks>
/// Note: keys that are not CIDR lists (booleans, key strings, fingerprint objects) are skipped,
/// never parsed as ranges. A list that mixes CIDRs and other strings is refused: it is neither.
/// </remarks>
internal static class CidrListsFeedReader
{
    /// <summary>The field that holds the key a CIDR was listed under.</summary>
    public const string ServiceField = "service";

    public static IEnumerable<FeedRow> Read(FeedJsonDocument document)
    {
        if (document.Kind != JsonValueKind.Object)
        {
            throw new FeedReadException("a CIDR-lists feed is an object of service: [CIDR, ...]");
        }

        var number = 0;
        foreach (var property in document.Properties())
        {
            if (FeedJson.CidrList(property.Value) is { } cidrs)
            {
                var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
                {
                    [ServiceField] = [property.Name],
                };
                foreach (var cidr in cidrs)
                {
                    yield return new FeedRow(++number, fields, [cidr]);
                }
            }
            else if (IsMixed(property.Value) is { } stray)
            {
                throw new FeedReadException(
                    $"'{property.Name}' lists CIDRs but also '{stray}', which is not an IP network");
            }
        }
    }

    /// <summary>True when some key of the object holds a list of CIDRs.</summary>
    public static bool HasCidrList(FeedJsonDocument document) =>
        document.Properties().Any(p => FeedJson.CidrList(p.Value) is not null);

    // Returns the first element that is not a network when the list also holds a network.
    private static string? IsMixed(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var elements = value.EnumerateArray().ToList();
        var hasNetwork = elements.Any(e =>
            e.ValueKind == JsonValueKind.String && FeedJson.LooksLikeNetwork(e.GetString()!));
        var stray = elements.FirstOrDefault(e =>
            e.ValueKind != JsonValueKind.String || !FeedJson.LooksLikeNetwork(e.GetString()!));
        return hasNetwork ? stray.ToString() : null;
    }
}
