using RuleForge.Diagnostics;
using RuleForge.Model;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// Feed pins as build uses them: a selection that involves a URL feed is taken from the
/// lockfile (build never downloads), and a local feed file that is pinned must still have the
/// pinned content.
/// </summary>
public sealed class LockedFeedSources
{
    private readonly PinnedLockfile _lockfile;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _stale = new(StringComparer.Ordinal);

    /// <summary>Reads pins from <paramref name="lockfile"/>, reporting into <paramref name="diagnostics"/>.</summary>
    public LockedFeedSources(PinnedLockfile lockfile, DiagnosticBag diagnostics)
    {
        _lockfile = lockfile;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The pinned feed and the sender's pinned selection from it; null, with an error reported,
    /// when the feed or this selection is not pinned, or the pin was made for another source.
    /// </summary>
    public (LockedFeed Feed, LockedFeedSelection Selection)? Selection(
        TrustedSender sender, FeedDefinition feed, FeedSelection selection)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(selection);
        var location = _lockfile.Location;
        var entry = _lockfile.Lockfile?.Feeds.GetValueOrDefault(feed.Id);
        if (entry is null)
        {
            // Note: an unreadable lockfile was reported when it was read; a missing one, or one
            // without this feed, needs a lock run.
            if (!_lockfile.Exists || _lockfile.Lockfile is not null)
            {
                _diagnostics.Report(Messages.FeedNotPinned, selection.Location, sender.Id, feed.Id, feed.File,
                    location.DisplayPath, location.PolicyDisplayPath);
            }

            return null;
        }

        if (!SameSource(feed, entry))
        {
            return null;
        }

        var key = FeedSelector.Key(selection);
        var pinned = entry.Selections.FirstOrDefault(s => s.Sender == sender.Id && s.Filter == key);
        if (pinned is null)
        {
            _diagnostics.Report(Messages.FeedSelectionNotPinned, selection.Location, sender.Id, feed.Id,
                location.DisplayPath, location.PolicyDisplayPath);
            return null;
        }

        return (entry, pinned);
    }

    /// <summary>
    /// Checks a local feed file's content against its pin, if it has one: a file that changed
    /// since the lock is an error, so that range changes are reviewed with <c>lock --refresh</c>.
    /// </summary>
    public void CheckFile(FeedDefinition feed, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (!_lockfile.Exists || _lockfile.Lockfile?.Feeds.GetValueOrDefault(feed.Id) is not { } entry)
        {
            return;
        }

        if (SameSource(feed, entry) && entry.ContentHash != contentHash)
        {
            var location = _lockfile.Location;
            _diagnostics.Report(Messages.FeedFileChanged, feed.Location, feed.Id, feed.File, location.DisplayPath,
                location.PolicyDisplayPath);
        }
    }

    private bool SameSource(FeedDefinition feed, LockedFeed entry)
    {
        if (entry.Source == feed.File && entry.Reader == feed.Reader)
        {
            return true;
        }

        if (!_stale.Add(feed.Id))
        {
            return false;
        }

        var location = _lockfile.Location;
        _diagnostics.Report(Messages.FeedSourceChanged, feed.Location, feed.Id, location.DisplayPath, entry.Source,
            entry.Reader, feed.File, feed.Reader, location.PolicyDisplayPath);
        return false;
    }
}
