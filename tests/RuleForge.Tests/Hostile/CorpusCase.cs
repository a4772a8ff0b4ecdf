namespace RuleForge.Tests.Hostile;

/// <summary>
/// One hostile or malformed input: a name, the diagnostic codes it must produce, and how to
/// run it (a committed file, or content generated at test time).
/// </summary>
public sealed record CorpusCase(string Name, IReadOnlyList<string> Expected, string Kind, string Path)
{
    /// <summary>Reads the codes from the first line of a corpus file: <c># expect: RF1205 RF1213</c>.</summary>
    public static IReadOnlyList<string> ReadExpected(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[200];
        var read = stream.Read(head, 0, head.Length);
        var text = System.Text.Encoding.Latin1.GetString(head, 0, read).TrimStart('\u00ef', '\u00bb', '\u00bf');
        const string Marker = "# expect:";
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} does not start with '{Marker} RFxxxx'");
        }

        var line = text[Marker.Length..].Split('\n')[0];
        var codes = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return codes.Length > 0 ? codes : throw new InvalidOperationException($"{path} names no expected code");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}/{Name}";
}
