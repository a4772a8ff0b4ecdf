namespace RuleForge.Resolution.Feeds;

/// <summary>
/// A plain-text feed: one CIDR per line; <c>#</c> starts a comment; blank lines are skipped.
/// A row's number is its line number.
/// </summary>
internal static class TextFeedReader
{
    public static IEnumerable<FeedRow> Read(byte[] content)
    {
        var none = new Dictionary<string, IReadOnlyList<string>>();
        using var reader = new StreamReader(new MemoryStream(content));
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Split('#', 2)[0].Trim();
            if (text.Length > 0)
            {
                yield return new FeedRow(number, none, [text]);
            }
        }
    }
}
