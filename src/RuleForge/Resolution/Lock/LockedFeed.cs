namespace RuleForge.Resolution.Lock;

/// <summary>
/// One feed as pinned in the lockfile: where it was read, its content, and what each sender selected.
/// </summary>
/// <param name="Source">The URL, or the file path as the policy writes it.</param>
/// <param name="Reader">How it was read (<see cref="Model.FeedDefinition.Reader"/>).</param>
/// <param name="ContentHash"><c>sha256:</c> and the hex digest of the content as read.</param>
/// <param name="ETag">The server's ETag for that content, sent back as If-None-Match; null for files.</param>
/// <param name="LastModified">The server's Last-Modified, sent back as If-Modified-Since; null for files.</param>
/// <param name="Shape">The shape the content was read as (the detected one under auto).</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Selections">Each sender's selection from this feed, in policy order.</param>
public sealed record LockedFeed(
    string Source,
    string Reader,
    string ContentHash,
    string? ETag,
    string? LastModified,
    string Shape,
    int Rows,
    IReadOnlyList<LockedFeedSelection> Selections)
{
    /// <summary>The content hash as pinned: <c>sha256:</c> and the hex digest.</summary>
    public static string HashOf(byte[] content) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
