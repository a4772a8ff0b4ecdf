using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// A JSON feed read without a document of the whole file. The content is checked once from end
/// to end (syntax, nesting, duplicate keys, text that cannot become a string); then a value is
/// found by its path of keys, and the elements of an array (or the values of the top-level
/// object) are parsed one at a time, each into a small document that lives until the next one
/// is asked for. A feed of millions of rows costs one row at a time, not a tree of them all.
/// </summary>
internal sealed class FeedJsonDocument
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = FeedJson.MaxDepth };
    private readonly byte[] _content;

    private FeedJsonDocument(byte[] content) => _content = content;

    /// <summary>Checks the content (see <see cref="FeedJson.Check"/>); throws <see cref="FeedReadException"/>.
    /// </summary>
    public static FeedJsonDocument Open(byte[] content)
    {
        FeedJson.Check(content);
        return new FeedJsonDocument(content);
    }

    /// <summary>The kind of the top-level value.</summary>
    public JsonValueKind Kind => KindAt([]);

    /// <summary>
    /// The kind of the value at a path of keys from the top; <see cref="JsonValueKind.Undefined"/>
    /// when a key is missing or a step is not an object.
    /// </summary>
    public JsonValueKind KindAt(IReadOnlyList<string> path) => Locate(path).Kind;

    /// <summary>The key where the walk along the path stopped, or null when the path leads to a value.</summary>
    public string? StoppedAt(IReadOnlyList<string> path) => Locate(path).Stopped;

    /// <summary>
    /// The elements of the array at the path, in order; nothing when there is no array there. An
    /// element is valid until the next one is asked for.
    /// </summary>
    public IEnumerable<JsonElement> Items(IReadOnlyList<string> path)
    {
        var at = Locate(path);
        if (at.Kind != JsonValueKind.Array)
        {
            yield break;
        }

        var (position, state) = (at.Position, at.State);
        while (true)
        {
            var (document, _, next, nextState) = Next(position, state);
            if (document is null)
            {
                yield break;
            }

            using (document)
            {
                yield return document.RootElement;
            }

            (position, state) = (next, nextState);
        }
    }

    /// <summary>
    /// The keys and values of the top-level object, in order; nothing when the top is not an object.
    /// A value is valid until the next one is asked for.
    /// </summary>
    public IEnumerable<(string Name, JsonElement Value)> Properties()
    {
        var at = Locate([]);
        if (at.Kind != JsonValueKind.Object)
        {
            yield break;
        }

        var (position, state) = (at.Position, at.State);
        while (true)
        {
            var (document, name, next, nextState) = Next(position, state);
            if (document is null)
            {
                yield break;
            }

            using (document)
            {
                yield return (name!, document.RootElement);
            }

            (position, state) = (next, nextState);
        }
    }

    // Walks from the top along the keys; the reader then stands on the first token of the value,
    // and Position and State let a new reader go on from just after it.
    private Location Locate(IReadOnlyList<string> path)
    {
        var reader = new Utf8JsonReader(_content, Options);
        reader.Read();
        foreach (var key in path)
        {
            if (reader.TokenType != JsonTokenType.StartObject || !Find(ref reader, key))
            {
                return new Location(JsonValueKind.Undefined, 0, default, key);
            }
        }

        return new Location(KindOf(reader.TokenType), (int)reader.BytesConsumed, reader.CurrentState, null);
    }

    private static bool Find(ref Utf8JsonReader reader, string key)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(key);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    // The next element of an array, or the next key and value of an object, parsed alone.
    private (JsonDocument? Document, string? Name, int Position, JsonReaderState State) Next(
        int position, JsonReaderState state)
    {
        var reader = new Utf8JsonReader(_content.AsSpan(position), isFinalBlock: true, state);
        reader.Read();
        if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
        {
            return (null, null, position, state);
        }

        string? name = null;
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            name = reader.GetString();
            reader.Read();
        }

        var document = JsonDocument.ParseValue(ref reader);
        return (document, name, position + (int)reader.BytesConsumed, reader.CurrentState);
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    private readonly record struct Location(JsonValueKind Kind, int Position, JsonReaderState State, string? Stopped);
}
