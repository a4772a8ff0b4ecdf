namespace RuleForge.Resolution.Feeds;

/// <summary>The answer to a feed download.</summary>
/// <param name="NotModified">True when the server answered 304 to a conditional request; then
/// there is no content and the pinned one still holds.</param>
/// <param name="Content">The body; empty when not modified.</param>
/// <param name="ETag">The ETag the server sent, if any.</param>
/// <param name="LastModified">The Last-Modified the server sent, if any (as sent).</param>
public sealed record FeedDownload(bool NotModified, byte[] Content, string? ETag, string? LastModified);
