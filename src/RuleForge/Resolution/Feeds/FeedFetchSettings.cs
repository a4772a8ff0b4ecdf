namespace RuleForge.Resolution.Feeds;

/// <summary>Limits for downloading a feed.</summary>
/// <param name="MaxBytes">The largest body accepted.</param>
/// <param name="Timeout">Time for the whole download: connect, answer and body.</param>
public sealed record FeedFetchSettings(long MaxBytes, TimeSpan Timeout)
{
    /// <summary>The default body limit: 64 MiB (the largest public feeds are a few MiB).</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The default timeout: 30 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The defaults.</summary>
    public static FeedFetchSettings Default { get; } = new(DefaultMaxBytes, DefaultTimeout);
}
