using System.Globalization;
using System.Text.Json;
using RuleForge.Net;

namespace RuleForge.Resolution.Feeds;

/// <summary>JSON helpers shared by the feed readers: parsing, row building, wording.</summary>
internal static class FeedJson
{
    public static JsonDocument Parse(byte[] content)
    {
        try
        {
            // Note: a duplicate key is refused: which of two values a reader keeps differs between
            // tools, so a reviewer could read one value and RuleForge use the other.
            var options = new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false };
            var document = JsonDocument.Parse(content, options);
            try
            {
                ReadEveryString(document.RootElement);
                return document;
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
        catch (JsonException e)
        {
            throw new FeedReadException($"invalid JSON at line {e.LineNumber + 1}: {e.Message.Split('.')[0]}");
        }
        catch (InvalidOperationException e)
        {
            // Note: an escaped lone surrogate ("\ud800") parses, but reading it as text throws.
            throw new FeedReadException($"invalid JSON text: {e.Message}");
        }
    }

    // Reads every property name and string once, so that text which cannot become a string fails
    // here, as a feed error, and never later inside a reader.
    private static void ReadEveryString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadEveryString(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadEveryString(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }

    /// <summary>
    /// The row, after checking that each CIDR of a family-specific field (AWS ip_prefix, Google
    /// ipv4Prefix, ...) is of that family; an IPv4-mapped IPv6 network counts as IPv4.
    /// </summary>
    public static FeedRow OfFamily(FeedRow row, string field, IpFamily family)
    {
        foreach (var cidr in row.Cidrs)
        {
            if (IpNetwork.TryParse(cidr.Trim(), out var n, out _) && (n.Family != family || IsV4Mapped(n)))
            {
                var name = family == IpFamily.V4 ? "IPv4" : "IPv6";
                throw new FeedReadException($"row {row.Number}: '{cidr}' in '{field}' is not an {name} network");
            }
        }

        return row;
    }

    private static bool IsV4Mapped(IpNetwork n) =>
        n.Family == IpFamily.V6 && n.Prefix >= 96 && n.First >> 32 == 0xFFFF;

    /// <summary>The array under <paramref name="name"/>, or null when the key is missing.</summary>
    public static JsonElement? Array(JsonElement root, string name, string shape, bool required)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var array))
        {
            return required
                ? throw new FeedReadException($"{shape} needs the array '{name}'")
                : null;
        }

        return array.ValueKind == JsonValueKind.Array
            ? array
            : throw new FeedReadException($"{shape}: '{name}' is {Describe(array.ValueKind)}, not an array");
    }

    /// <summary>
    /// Makes a row of an object: <paramref name="cidrField"/> holds its CIDR or CIDRs; every other
    /// scalar or list of scalars is a filterable field, and <paramref name="extra"/> adds fields.
    /// </summary>
    public static FeedRow Row(
        int number, JsonElement item, string cidrField,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? extra = null)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FeedReadException($"row {number} is {Describe(item.ValueKind)}, not an object");
        }

        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in extra ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            fields[name] = values;
        }

        var cidrs = new List<string>();
        foreach (var property in item.EnumerateObject())
        {
            var values = Scalars(property.Value);
            if (property.Name == cidrField)
            {
                if (values is null)
                {
                    throw new FeedReadException($"row {number}: '{cidrField}' is " +
                        $"{Describe(property.Value.ValueKind)}, not a CIDR or a list of CIDRs");
                }

                cidrs.AddRange(values);
            }
            else if (values is not null)
            {
                fields[property.Name] = values;
            }
        }

        return new FeedRow(number, fields, cidrs);
    }

    // Note: objects and nested arrays are not filterable; they are skipped, never parsed.
    public static List<string>? Scalars(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Array when value.EnumerateArray().All(IsScalar) =>
            value.EnumerateArray().Select(Text).ToList(),
        _ => null,
    };

    /// <summary>
    /// The CIDR texts of a value that is a non-empty array of strings that all read as networks;
    /// null for anything else (booleans, objects, key strings).
    /// </summary>
    public static List<string>? CidrList(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
            || !value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            return null;
        }

        var texts = value.EnumerateArray().Select(e => e.GetString()!).ToList();
        return texts.All(LooksLikeNetwork) ? texts : null;
    }

    /// <summary>True when the text reads as an address or network, host bits or not.</summary>
    public static bool LooksLikeNetwork(string text) => IpNetwork.TryParse(text.Trim(), out _, out _);

    public static string Describe(JsonValueKind kind) =>
        kind.ToString().ToLower(CultureInfo.InvariantCulture) switch
        {
            "object" => "an object",
            "array" => "an array",
            "undefined" => "missing",
            var other => "a " + other,
        };

    private static bool IsScalar(JsonElement e) =>
        e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => e.GetRawText(),
    };
}
