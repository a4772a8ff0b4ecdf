using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RuleForge.Net;
using RuleForge.Resolution.Spf;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// The lockfile's canonical JSON: object keys in ordinal order (arrays keep their meaningful
/// order: ranges by address, provenance and terms in record order), two-space indent, LF line
/// ends and a final newline. <c>contentHash</c> is the SHA-256 of the same document written
/// without it, so a hand edit shows.
/// </summary>
public static class LockfileJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the lockfile, hash included.</summary>
    public static string Write(Lockfile lockfile) =>
        Encoding.UTF8.GetString(Serialise(lockfile, Hash(lockfile))) + "\n";

    /// <summary>The content hash: <c>sha256:</c> and the hex digest of the canonical content.</summary>
    public static string Hash(Lockfile lockfile) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Serialise(lockfile, null)));

    /// <summary>Reads a lockfile; throws <see cref="LockfileFormatException"/> when it is not one.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="hashMatches">False when the content does not match its <c>contentHash</c>.</param>
    /// <param name="schema">The schema version the file declares.</param>
    public static Lockfile? Read(string text, out bool hashMatches, out int schema)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new LockfileFormatException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = Object(document.RootElement, "the document");
            schema = Property(root, "schema", JsonValueKind.Number).GetInt32();
            hashMatches = false;
            if (schema != Lockfile.SchemaVersion)
            {
                return null;
            }

            var spf = new SortedDictionary<string, LockedSpf>(StringComparer.Ordinal);
            foreach (var entry in Property(root, "spf", JsonValueKind.Object).EnumerateObject())
            {
                spf[entry.Name] = ReadSpf(entry.Name, Object(entry.Value, $"spf.{entry.Name}"));
            }

            var feeds = new SortedDictionary<string, LockedFeed>(StringComparer.Ordinal);
            foreach (var entry in Property(root, "feeds", JsonValueKind.Object).EnumerateObject())
            {
                feeds[entry.Name] = LockedFeedJson.Read(Object(entry.Value, $"feeds.{entry.Name}"));
            }

            var lockfile = new Lockfile(spf, feeds);
            var stored = Property(root, "contentHash", JsonValueKind.String).GetString();
            hashMatches = string.Equals(stored, Hash(lockfile), StringComparison.Ordinal);
            return lockfile;
        }
    }

    private static byte[] Serialise(Lockfile lockfile, string? hash)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            if (hash is not null)
            {
                w.WriteString("contentHash", hash);
            }

            w.WriteStartObject("feeds");
            foreach (var (id, feed) in lockfile.Feeds.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(id);
                LockedFeedJson.Write(w, feed);
            }

            w.WriteEndObject();
            w.WriteNumber("schema", Lockfile.SchemaVersion);
            w.WriteStartObject("spf");
            foreach (var (domain, spf) in lockfile.Spf.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(domain);
                WriteSpf(w, spf);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteSpf(Utf8JsonWriter w, LockedSpf spf)
    {
        w.WriteStartObject();
        w.WriteNumber("lookups", spf.Lookups);
        w.WriteStartArray("provenance");
        foreach (var p in spf.Provenance)
        {
            w.WriteStartObject();
            w.WriteString("range", p.Network.ToString());
            w.WriteString("record", p.Record);
            w.WriteString("term", p.Term);
            w.WriteString("via", p.Via);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("ranges");
        foreach (var range in spf.Ranges)
        {
            w.WriteStringValue(range.ToString());
        }

        w.WriteEndArray();
        w.WriteStartObject("records");
        foreach (var (domain, record) in spf.Records.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteString(domain, record);
        }

        w.WriteEndObject();
        w.WriteStartArray("unflattenable");
        foreach (var u in spf.Unflattenable)
        {
            w.WriteStartObject();
            w.WriteString("domain", u.Domain);
            w.WriteString("reason", u.Reason);
            w.WriteString("term", u.Term);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("voidLookups", spf.VoidLookups);
        w.WriteEndObject();
    }

    private static LockedSpf ReadSpf(string domain, JsonElement e)
    {
        var records = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var r in Property(e, "records", JsonValueKind.Object).EnumerateObject())
        {
            records[r.Name] = r.Value.ValueKind == JsonValueKind.Null ? null : Text(r.Value, $"records.{r.Name}");
        }

        var ranges = Property(e, "ranges", JsonValueKind.Array).EnumerateArray()
            .Select(r => Network(Text(r, "ranges"))).ToList();
        var provenance = Property(e, "provenance", JsonValueKind.Array).EnumerateArray()
            .Select(p => new LockedSpfRange(
                Network(Text(Property(p, "range", JsonValueKind.String), "range")),
                Text(Property(p, "record", JsonValueKind.String), "record"),
                Text(Property(p, "term", JsonValueKind.String), "term"),
                p.TryGetProperty("via", out var via) && via.ValueKind == JsonValueKind.String
                    ? via.GetString()
                    : null))
            .ToList();
        var unflattenable = Property(e, "unflattenable", JsonValueKind.Array).EnumerateArray()
            .Select(u => new SpfUnflattenable(
                Text(Property(u, "domain", JsonValueKind.String), "domain"),
                Text(Property(u, "term", JsonValueKind.String), "term"),
                Text(Property(u, "reason", JsonValueKind.String), "reason")))
            .ToList();
        return new LockedSpf(domain, records, ranges, provenance,
            Property(e, "lookups", JsonValueKind.Number).GetInt32(),
            Property(e, "voidLookups", JsonValueKind.Number).GetInt32(),
            unflattenable);
    }

    internal static JsonElement Object(JsonElement e, string what) =>
        e.ValueKind == JsonValueKind.Object ? e : throw new LockfileFormatException($"{what} is not an object");

    internal static JsonElement Property(JsonElement e, string name, JsonValueKind kind)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var value))
        {
            throw new LockfileFormatException($"'{name}' is missing");
        }

        return value.ValueKind == kind
            ? value
            : throw new LockfileFormatException($"'{name}' is {value.ValueKind}, not {kind}");
    }

    internal static string Text(JsonElement e, string what) =>
        e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new LockfileFormatException($"'{what}' is not text");

    internal static IpNetwork Network(string text) =>
        IpNetwork.TryParse(text, out var network, out var hostBits) && !hostBits
            ? network
            : throw new LockfileFormatException($"'{text}' is not a CIDR range");
}
