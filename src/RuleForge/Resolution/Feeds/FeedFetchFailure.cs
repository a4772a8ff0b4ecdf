namespace RuleForge.Resolution.Feeds;

/// <summary>Why a feed download failed; each has its own diagnostic.</summary>
public enum FeedFetchFailure
{
    /// <summary>The host name did not resolve.</summary>
    HostUnknown,

    /// <summary>No connection could be made.</summary>
    Connect,

    /// <summary>The server answered with a status other than 200 (or 304 to a conditional request).</summary>
    Status,

    /// <summary>The body is larger than the limit.</summary>
    TooLarge,

    /// <summary>The download took longer than the timeout.</summary>
    Timeout,

    /// <summary>Anything else: TLS, a connection closed mid-body, a protocol error.</summary>
    Transfer,
}
