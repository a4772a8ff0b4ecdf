using System.Text.Json;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// A pinned feed in the lockfile's canonical JSON: keys in ordinal order, selections in policy
/// order, ranges in feed order with their rows.
/// </summary>
internal static class LockedFeedJson
{
    /// <summary>Writes one feed entry as an object.</summary>
    public static void Write(Utf8JsonWriter w, LockedFeed feed)
    {
        w.WriteStartObject();
        w.WriteString("contentHash", feed.ContentHash);
        w.WriteString("etag", feed.ETag);
        w.WriteString("lastModified", feed.LastModified);
        w.WriteString("reader", feed.Reader);
        w.WriteNumber("rows", feed.Rows);
        w.WriteStartArray("selections");
        foreach (var selection in feed.Selections)
        {
            WriteSelection(w, selection);
        }

        w.WriteEndArray();
        w.WriteString("shape", feed.Shape);
        w.WriteString("source", feed.Source);
        w.WriteEndObject();
    }

    /// <summary>Reads one feed entry; throws <see cref="LockfileFormatException"/> when it is not one.</summary>
    public static LockedFeed Read(JsonElement e)
    {
        var selections = LockfileJson.Property(e, "selections", JsonValueKind.Array).EnumerateArray()
            .Select(ReadSelection)
            .ToList();
        return new LockedFeed(
            Text(e, "source"),
            Text(e, "reader"),
            Text(e, "contentHash"),
            OptionalText(e, "etag"),
            OptionalText(e, "lastModified"),
            Text(e, "shape"),
            LockfileJson.Property(e, "rows", JsonValueKind.Number).GetInt32(),
            selections);
    }

    private static void WriteSelection(Utf8JsonWriter w, LockedFeedSelection selection)
    {
        w.WriteStartObject();
        w.WriteString("filter", selection.Filter);
        w.WriteStartArray("ranges");
        foreach (var range in selection.Ranges)
        {
            w.WriteStartObject();
            w.WriteString("range", range.Network.ToString());
            w.WriteNumber("row", range.Row);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("sender", selection.Sender);
        w.WriteStartArray("steps");
        foreach (var (step, rows) in selection.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("rows", rows);
            w.WriteString("step", step);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static LockedFeedSelection ReadSelection(JsonElement e)
    {
        var ranges = LockfileJson.Property(e, "ranges", JsonValueKind.Array).EnumerateArray()
            .Select(r => new LockedFeedRange(
                LockfileJson.Network(Text(r, "range")),
                LockfileJson.Property(r, "row", JsonValueKind.Number).GetInt32()))
            .ToList();
        var steps = LockfileJson.Property(e, "steps", JsonValueKind.Array).EnumerateArray()
            .Select(s => (Text(s, "step"), LockfileJson.Property(s, "rows", JsonValueKind.Number).GetInt32()))
            .ToList();
        return new LockedFeedSelection(Text(e, "sender"), Text(e, "filter"), steps, ranges);
    }

    private static string Text(JsonElement e, string name) =>
        LockfileJson.Text(LockfileJson.Property(e, name, JsonValueKind.String), name);

    private static string? OptionalText(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
