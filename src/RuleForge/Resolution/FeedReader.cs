using System.Globalization;
using System.Text.Json;
using RuleForge.Model;

namespace RuleForge.Resolution;

/// <summary>Reads the feed shapes RuleForge knows into uniform <see cref="FeedRow"/>s.</summary>
public static class FeedReader
{
    /// <summary>Largest feed file accepted, in bytes.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads a feed file; throws <see cref="FeedReadException"/> on a bad shape.</summary>
    public static IReadOnlyList<FeedRow> Read(FeedDefinition feed, byte[] content) => feed.Shape switch
    {
        "text" => ReadText(content),
        "aws" => ReadAws(Parse(content)),
        "m365" => ReadM365(Parse(content)),
        _ => ReadGeneric(Parse(content), feed.ItemsPath!, feed.CidrField!),
    };

    private static JsonDocument Parse(byte[] content)
    {
        try
        {
            return JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FeedReadException($"invalid JSON at line {e.LineNumber + 1}: {e.Message.Split('.')[0]}");
        }
    }

    private static List<FeedRow> ReadText(byte[] content)
    {
        var rows = new List<FeedRow>();
        using var reader = new StreamReader(new MemoryStream(content));
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Split('#', 2)[0].Trim();
            if (text.Length > 0)
            {
                rows.Add(new FeedRow(number, new Dictionary<string, IReadOnlyList<string>>(), [text]));
            }
        }

        return rows;
    }

    private static List<FeedRow> ReadAws(JsonDocument doc)
    {
        var rows = new List<FeedRow>();
        foreach (var (arrayName, cidrName) in new[] { ("prefixes", "ip_prefix"), ("ipv6_prefixes", "ipv6_prefix") })
        {
            if (!doc.RootElement.TryGetProperty(arrayName, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new FeedReadException($"an AWS-style feed needs the array '{arrayName}'");
            }

            foreach (var item in array.EnumerateArray())
            {
                rows.Add(Row(rows.Count + 1, item, cidrName));
            }
        }

        return rows;
    }

    private static List<FeedRow> ReadM365(JsonDocument doc)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FeedReadException("a Microsoft 365 endpoint feed is an array of endpoint sets");
        }

        var rows = new List<FeedRow>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var row = Row(rows.Count + 1, item, "ips");
            var fields = new Dictionary<string, IReadOnlyList<string>>(row.Fields);
            foreach (var ports in new[] { "tcpPorts", "udpPorts" })
            {
                if (fields.TryGetValue(ports, out var text) && text.Count == 1)
                {
                    fields[ports] = text[0].Split(',',
                        StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                }
            }

            rows.Add(row with { Fields = fields });
        }

        return rows;
    }

    private static List<FeedRow> ReadGeneric(JsonDocument doc, string itemsPath, string cidrField)
    {
        var node = doc.RootElement;
        foreach (var part in itemsPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
            {
                throw new FeedReadException($"the path '{itemsPath}' does not lead to a value (stopped at '{part}')");
            }
        }

        if (node.ValueKind != JsonValueKind.Array)
        {
            throw new FeedReadException(
                $"the path '{itemsPath}' leads to {Describe(node.ValueKind)}, not an array of rows");
        }

        var rows = new List<FeedRow>();
        foreach (var item in node.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FeedReadException($"row {rows.Count + 1} is {Describe(item.ValueKind)}, not an object");
            }

            rows.Add(Row(rows.Count + 1, item, cidrField));
        }

        return rows;
    }

    private static FeedRow Row(int number, JsonElement item, string cidrField)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FeedReadException($"row {number} is {Describe(item.ValueKind)}, not an object");
        }

        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
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
    private static List<string>? Scalars(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Array when value.EnumerateArray().All(IsScalar) =>
            value.EnumerateArray().Select(Text).ToList(),
        _ => null,
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

    private static string Describe(JsonValueKind kind) => kind.ToString().ToLower(CultureInfo.InvariantCulture) switch
    {
        "object" => "an object",
        "array" => "an array",
        "undefined" => "missing",
        var other => "a " + other,
    };
}
