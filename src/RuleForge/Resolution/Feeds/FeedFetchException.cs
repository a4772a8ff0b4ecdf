using RuleForge.Diagnostics;

namespace RuleForge.Resolution.Feeds;

/// <summary>A feed download that failed, with the reason and the details a diagnostic needs.</summary>
public sealed class FeedFetchException : Exception
{
    /// <summary>Makes the exception for <paramref name="url"/>.</summary>
    public FeedFetchException(FeedFetchFailure failure, Uri url, string detail, Exception? inner = null)
        : base($"{url}: {detail}", inner)
    {
        Failure = failure;
        Url = url;
        Detail = detail;
    }

    /// <summary>Makes the exception with a default message.</summary>
    public FeedFetchException()
        : base("the feed could not be downloaded")
    {
        Url = new Uri("https://invalid/");
        Detail = Message;
    }

    /// <summary>Makes the exception with a message.</summary>
    public FeedFetchException(string message)
        : this(message, null!)
    {
    }

    /// <summary>Makes the exception with a message and the cause.</summary>
    public FeedFetchException(string message, Exception inner)
        : base(message, inner)
    {
        Failure = FeedFetchFailure.Transfer;
        Url = new Uri("https://invalid/");
        Detail = message;
    }

    /// <summary>Why it failed.</summary>
    public FeedFetchFailure Failure { get; }

    /// <summary>The URL asked.</summary>
    public Uri Url { get; }

    /// <summary>What went wrong, in words: the status and reason, the socket error, the limit.</summary>
    public string Detail { get; }

    /// <summary>The diagnostic for feed <paramref name="feedId"/> at <paramref name="location"/>.</summary>
    public Diagnostic ToDiagnostic(string feedId, SourceLocation location, FeedFetchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = Url.AbsoluteUri;
        return Failure switch
        {
            FeedFetchFailure.HostUnknown => Messages.FeedHostUnknown.At(location, feedId, url, Detail),
            FeedFetchFailure.Connect => Messages.FeedConnectFailed.At(location, feedId, url, Detail),
            FeedFetchFailure.Status => Messages.FeedHttpStatus.At(location, feedId, url, Detail),
            FeedFetchFailure.TooLarge => Messages.FeedTooLarge.At(location, feedId, url, settings.MaxBytes),
            FeedFetchFailure.Timeout => Messages.FeedTimeout.At(location, feedId, url,
                settings.Timeout.TotalSeconds),
            _ => Messages.FeedTransferFailed.At(location, feedId, url, Detail),
        };
    }
}
