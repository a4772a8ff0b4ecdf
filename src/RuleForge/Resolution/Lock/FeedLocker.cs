using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Resolution.Feeds;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// Pins the feeds a policy selects from: content hash, ETag and Last-Modified, and each sender's
/// selected ranges. A plain lock reads only feeds without a fitting pin; a refresh asks every
/// URL again with a conditional request (a 304 keeps the pin) and rereads every file. A
/// selection is computed again when its pin is missing or one of its feeds changed.
/// </summary>
internal sealed class FeedLocker
{
    private readonly FeedFetcher _fetcher;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, Loaded> _loaded = new(StringComparer.Ordinal);
    private Policy? _policy;

    public FeedLocker(FeedFetcher fetcher, DiagnosticBag diagnostics)
    {
        _fetcher = fetcher;
        _diagnostics = diagnostics;
    }

    /// <summary>What each feed read in this run was, by id: "downloaded", "not modified", "read".</summary>
    public IReadOnlyList<string> Read => [.. _loaded.Select(l => $"{l.Key} ({l.Value.How})")];

    /// <summary>The feed pins, or null when any feed failed (reported).</summary>
    public async Task<IReadOnlyDictionary<string, LockedFeed>?> LockAsync(
        Policy policy, Lockfile? previous, bool refresh, CancellationToken cancellation)
    {
        _policy = policy;
        var uses = policy.Senders
            .SelectMany(s => (s.Ranges?.Selections ?? []).Select(sel => new Use(s, sel, Feed(policy, sel.FeedId))))
            .ToList();
        var wanted = policy.Feeds.Where(f => uses.Any(u => Involved(policy, u).Contains(f))).ToList();
        var pins = wanted.ToDictionary(f => f.Id, f => Pin(previous, f), StringComparer.Ordinal);

        var first = refresh ? wanted : wanted.Where(f => pins[f.Id] is null).ToList();
        if (!await LoadAllAsync(first, pins, conditional: refresh, cancellation).ConfigureAwait(false))
        {
            return null;
        }

        // Note: a feed loaded with new content makes every selection that involves it stale,
        // and a stale selection needs the rows of all its feeds; a 304 gave none, so ask again.
        while (true)
        {
            var stale = uses.Where(u => IsStale(policy, u, pins)).ToList();
            var missing = stale.SelectMany(u => Involved(policy, u)).Distinct()
                .Where(f => _loaded.GetValueOrDefault(f.Id)?.Scan is null).ToList();
            if (missing.Count == 0)
            {
                return Entries(policy, wanted, uses, stale, pins);
            }

            if (!await LoadAllAsync(missing, pins, conditional: false, cancellation).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    private static FeedDefinition Feed(Policy policy, string id) => policy.Feeds.First(f => f.Id == id);

    private static List<FeedDefinition> Involved(Policy policy, Use use) =>
        [use.Feed, .. use.Selection.Except.Select(e => policy.Feeds.FirstOrDefault(f => f.Id == e.FeedId) ?? use.Feed)];

    // A previous pin counts only when it was made for the same source, read the same way.
    private static LockedFeed? Pin(Lockfile? previous, FeedDefinition feed) =>
        previous?.Feeds.GetValueOrDefault(feed.Id) is { } pin && pin.Source == feed.File && pin.Reader == feed.Reader
            ? pin
            : null;

    private bool IsStale(Policy policy, Use use, Dictionary<string, LockedFeed?> pins) =>
        pins[use.Feed.Id]?.Selections.Any(s => s.Sender == use.Sender.Id && s.Filter == use.Key) != true
        || Involved(policy, use).Any(f => Changed(f, pins));

    private bool Changed(FeedDefinition feed, Dictionary<string, LockedFeed?> pins) =>
        _loaded.GetValueOrDefault(feed.Id) is { Scan: not null } loaded
        && pins[feed.Id]?.ContentHash != loaded.Hash;

    private async Task<bool> LoadAllAsync(
        IEnumerable<FeedDefinition> feeds, Dictionary<string, LockedFeed?> pins, bool conditional,
        CancellationToken cancellation)
    {
        var ok = true;
        foreach (var feed in feeds)
        {
            var pin = conditional ? pins[feed.Id] : null;
            if (await LoadAsync(feed, pin, cancellation).ConfigureAwait(false) is { } loaded)
            {
                _loaded[feed.Id] = loaded;
            }
            else
            {
                _diagnostics.Report(Messages.LockFeedFailed, feed.Location, feed.Id, feed.File);
                ok = false;
            }
        }

        return ok;
    }

    private async Task<Loaded?> LoadAsync(FeedDefinition feed, LockedFeed? pin, CancellationToken cancellation)
    {
        byte[] content;
        string? etag = null;
        string? modified = null;
        if (feed.Url is { } url)
        {
            try
            {
                var download = await _fetcher.FetchAsync(url, pin?.ETag, pin?.LastModified, cancellation)
                    .ConfigureAwait(false);
                if (download.NotModified)
                {
                    return new Loaded("not modified", null, null, download.ETag, download.LastModified);
                }

                (content, etag, modified) = (download.Content, download.ETag, download.LastModified);
            }
            catch (FeedFetchException e)
            {
                _diagnostics.Add(e.ToDiagnostic(feed.Id, feed.Location, _fetcher.Settings));
                return null;
            }
        }
        else if (ReadFile(feed) is { } bytes)
        {
            content = bytes;
        }
        else
        {
            return null;
        }

        try
        {
            var scan = FeedScan.Read(feed.Shape, content, feed.ItemsPath, feed.CidrField,
                FeedSelector.FiltersFor(_policy!, feed));
            var how = feed.Url is null ? "read" : "downloaded";
            return new Loaded(how, scan, LockedFeed.HashOf(content), etag, modified);
        }
        catch (FeedReadException e)
        {
            if (feed.Url is null)
            {
                _diagnostics.Report(Messages.FeedParse, feed.Location, feed.Id, feed.Shape, e.Message);
            }
            else
            {
                _diagnostics.Report(Messages.FeedUrlParse, feed.Location, feed.Id, feed.File, feed.Shape, e.Message);
            }

            return null;
        }
    }

    private byte[]? ReadFile(FeedDefinition feed)
    {
        try
        {
            var info = new FileInfo(feed.FullPath);
            if (info.Exists && info.Length > FeedReader.MaxBytes)
            {
                throw new IOException($"the file is larger than {FeedReader.MaxBytes} bytes");
            }

            return File.ReadAllBytes(feed.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Report(Messages.FeedUnreadable, feed.Location, feed.Id, feed.File, e.Message);
            return null;
        }
    }

    private Dictionary<string, LockedFeed>? Entries(
        Policy policy, List<FeedDefinition> wanted, List<Use> uses, List<Use> stale,
        Dictionary<string, LockedFeed?> pins)
    {
        var selections = new Dictionary<Use, LockedFeedSelection>();
        foreach (var use in uses)
        {
            selections[use] = stale.Contains(use)
                ? Select(policy, use)
                : pins[use.Feed.Id]!.Selections.First(s => s.Sender == use.Sender.Id && s.Filter == use.Key);
        }

        if (_diagnostics.HasErrors)
        {
            return null;
        }

        var entries = new Dictionary<string, LockedFeed>(StringComparer.Ordinal);
        foreach (var feed in wanted)
        {
            var mine = uses.Where(u => u.Feed == feed).Select(u => selections[u]).ToList();
            var loaded = _loaded.GetValueOrDefault(feed.Id);
            var pin = pins[feed.Id];
            entries[feed.Id] = loaded is { Scan: not null }
                ? new LockedFeed(feed.File, feed.Reader, loaded.Hash!, loaded.ETag, loaded.LastModified,
                    loaded.Scan.Shape, loaded.Scan.Rows, mine)
                : pin! with
                {
                    ETag = loaded?.ETag ?? pin.ETag,
                    LastModified = loaded?.LastModified ?? pin.LastModified,
                    Selections = mine,
                };
        }

        return entries;
    }

    private LockedFeedSelection Select(Policy policy, Use use)
    {
        var scan = _loaded[use.Feed.Id].Scan!;
        var picked = FeedSelector.Select(use.Sender, use.Feed, use.Selection, scan, policy.Feeds,
            f => _loaded.GetValueOrDefault(f.Id)?.Scan, _diagnostics, out var steps);
        var ranges = new List<LockedFeedRange>();
        foreach (var (row, network, bad) in picked)
        {
            if (bad is null)
            {
                ranges.Add(new LockedFeedRange(network, row));
            }
            else
            {
                _diagnostics.Report(Messages.FeedBadCidr, use.Feed.Location, use.Feed.Id, row, bad);
            }
        }

        return new LockedFeedSelection(use.Sender.Id, use.Key, steps, ranges);
    }

    private sealed record Use(TrustedSender Sender, FeedSelection Selection, FeedDefinition Feed)
    {
        public string Key { get; } = FeedSelector.Key(Selection);
    }

    // A feed as this run read it (only what the policy's filters keep): Scan is null for a 304 answer.
    private sealed record Loaded(string How, FeedScan? Scan, string? Hash, string? ETag, string? LastModified);
}
