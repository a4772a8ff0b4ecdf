using System.Globalization;
using System.Text.Json;
using RuleForge.Net;

namespace RuleForge.Resolution.Feeds;

/// <summary>JSON helpers shared by the feed readers: parsing, row building, wording.</summary>
internal static class FeedJson
{
    /// <summary>The deepest nesting a JSON feed may have.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Reads the whole content once, holding nothing: it must be one JSON value within
    /// <see cref="MaxDepth"/>, with no key twice in one object and no text that cannot become a
    /// string. Throws <see cref="FeedReadException"/> with the line of the first problem.
    /// </summary>
    public static void Check(byte[] content)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { MaxDepth = MaxDepth });
        var keys = new List<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                CheckToken(ref reader, keys, content);
            }
        }
        catch (JsonException e)
        {
            throw new FeedReadException($"invalid JSON at line {e.LineNumber + 1}: {e.Message.Split('.')[0]}");
        }
        catch (InvalidOperationException e)
        {
            // Note: an escaped lone surrogate ("\ud800") is valid JSON, but reading it as text throws.
            throw new FeedReadException($"invalid JSON text: {e.Message}");
        }
    }

    // Note: a duplicate key is refused: which of two values a reader keeps differs between tools,
    // so a reviewer could read one value and RuleForge use the other. The keys of the objects
    // open at each depth are kept, one set per depth, reused.
    private static void CheckToken(ref Utf8JsonReader reader, List<HashSet<string>> keys, byte[] content)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var depth = reader.CurrentDepth + 1;
                while (keys.Count <= depth)
                {
                    keys.Add(new HashSet<string>(StringComparer.Ordinal));
                }

                keys[depth].Clear();
                break;
            case JsonTokenType.PropertyName:
                var name = reader.GetString()!;
                if (!keys[reader.CurrentDepth].Add(name))
                {
                    var line = content.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n') + 1;
                    throw new FeedReadException(
                        $"invalid JSON at line {line}: the key '{name}' appears twice in one object");
                }

                break;
            case JsonTokenType.String:
                _ = reader.GetString();
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

    /// <summary>
    /// True when the top-level object has an array under <paramref name="name"/>, false when the
    /// key is missing and the array is optional; throws when it is required or not an array.
    /// </summary>
    public static bool Array(FeedJsonDocument document, string name, string shape, bool required)
    {
        var kind = document.KindAt([name]);
        if (kind == JsonValueKind.Undefined)
        {
            return required ? throw new FeedReadException($"{shape} needs the array '{name}'") : false;
        }

        return kind == JsonValueKind.Array
            ? true
            : throw new FeedReadException($"{shape}: '{name}' is {Describe(kind)}, not an array");
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
