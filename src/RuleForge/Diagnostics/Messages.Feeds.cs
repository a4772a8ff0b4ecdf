namespace RuleForge.Diagnostics;

// Feed sources (URLs), downloads and feed pins in the lockfile: feeds RF1364-RF1379, lock RF1350-RF1359.
public static partial class Messages
{
    public static readonly MessageTemplate FeedSourceCount = new(
        "RF1364", E,
        "feed '{0}' needs exactly one of 'file' and 'url'",
        "Write 'file:' with a path relative to the policy, or 'url:' with an https URL.");
    public static readonly MessageTemplate FeedUrlInvalid = new(
        "RF1365", E,
        "'{1}' (url of feed '{0}') is not an absolute http or https URL",
        "Write the whole URL, such as https://example.com/ranges.json.");
    public static readonly MessageTemplate FeedUrlInsecure = new(
        "RF1366", E,
        "feed '{0}' is fetched over plain http ('{1}')",
        "Use https: anyone on the path could change a plain http feed and with it the trusted ranges. Plain " +
        "http is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost).");
    public static readonly MessageTemplate FeedFileIsUrl = new(
        "RF1367", E,
        "the 'file' of feed '{0}' is a URL ('{1}')",
        "Write it as 'url: {1}'; 'file' is a path relative to the policy.");
    public static readonly MessageTemplate FeedHostUnknown = new(
        "RF1368", E,
        "feed '{0}': cannot resolve the host of {1}: {2}",
        "Check the host name in the URL and this machine's DNS resolver; nothing was changed.");
    public static readonly MessageTemplate FeedConnectFailed = new(
        "RF1369", E,
        "feed '{0}': cannot connect to {1}: {2}",
        "Check that the server is up and reachable from here (RuleForge uses no proxy); nothing was changed.");
    public static readonly MessageTemplate FeedHttpStatus = new(
        "RF1370", E,
        "feed '{0}': {1} answered HTTP {2}",
        "A 4xx answer means the URL is wrong or access is refused: fix the URL. A 5xx answer is the " +
        "server's problem: retry later. Redirects are not followed: put the new location in the URL. " +
        "Nothing was changed.");
    public static readonly MessageTemplate FeedTooLarge = new(
        "RF1371", E,
        "feed '{0}': {1} is larger than the limit of {2} bytes",
        "Check that the URL names the feed; if the feed really is this large, raise the Feeds:MaxBytes setting. " +
        "Nothing was changed.");
    public static readonly MessageTemplate FeedTimeout = new(
        "RF1372", E,
        "feed '{0}': {1} did not send the feed within {2} seconds",
        "Retry later, or raise the Feeds:Timeout setting; nothing was changed.");
    public static readonly MessageTemplate FeedTransferFailed = new(
        "RF1373", E,
        "feed '{0}': downloading {1} failed: {2}",
        "Retry; if it keeps failing, check the server, its TLS certificate and the network path. Nothing was " +
        "changed.");
    public static readonly MessageTemplate FeedUrlParse = new(
        "RF1374", E,
        "feed '{0}': the content of {1} could not be read as {2}: {3}",
        "The server may have sent an error page, or the feed's shape changed; look at it with 'ruleforge feed " +
        "show URL'. Nothing was changed.");
    public static readonly MessageTemplate FeedNotPinned = new(
        "RF1375", E,
        "sender '{0}' selects from feed '{1}' ({2}), which the lockfile '{3}' does not pin",
        "Run 'ruleforge lock {4}' to download the feed and pin the selected ranges; build never downloads.");
    public static readonly MessageTemplate FeedSelectionNotPinned = new(
        "RF1376", E,
        "the selection of sender '{0}' from feed '{1}' is not the one pinned in '{2}' (the policy changed " +
        "since the lock)",
        "Run 'ruleforge lock {3}' to pin the selection as the policy now has it.");
    public static readonly MessageTemplate FeedFileChanged = new(
        "RF1377", E,
        "the file of feed '{0}' ({1}) no longer has the content pinned in '{2}'",
        "Run 'ruleforge lock {3} --refresh' to review the ranges the change adds and removes per sender and " +
        "pin the new content, or restore the file.");
    public static readonly MessageTemplate FeedSourceChanged = new(
        "RF1378", E,
        "feed '{0}' is pinned in '{1}' as read from '{2}' with {3}, but the policy reads it from '{4}' with {5}",
        "Run 'ruleforge lock {6} --refresh' to read the feed as the policy now describes it.");

    // Lock: feeds (RF1350-RF1359)
    public static readonly MessageTemplate LockFeedFailed = new(
        "RF1350", E,
        "cannot lock feed '{0}' ({1}); the lockfile was left unchanged",
        "The problem is named above; fix it or retry. A failed download never shrinks trust.");
}
