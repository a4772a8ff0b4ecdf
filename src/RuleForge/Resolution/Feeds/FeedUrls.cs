using System.Net;

namespace RuleForge.Resolution.Feeds;

/// <summary>Which feed URLs RuleForge downloads: https anywhere, plain http only on loopback.</summary>
public static class FeedUrls
{
    /// <summary>True when the text starts like a URL (a scheme RuleForge knows), not a path.</summary>
    public static bool LooksLikeUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The URL when the text is an absolute http or https URL with a host, else null.</summary>
    public static Uri? Parse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && url.Host.Length > 0
            ? url
            : null;

    /// <summary>
    /// True when the URL may be fetched: https, or plain http to a loopback host (a test or local
    /// server; on the wire anyone could change a plain http feed).
    /// </summary>
    public static bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == Uri.UriSchemeHttps || IsLoopback(url);
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback
        || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
