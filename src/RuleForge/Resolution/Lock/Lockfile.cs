namespace RuleForge.Resolution.Lock;

/// <summary>
/// A policy's resolved external data, pinned so that builds need no network and give the same
/// output: each SPF domain's flattened record, and each feed's content hash and selections.
/// </summary>
/// <param name="Spf">Each trusted SPF domain's pinned flattening, by domain.</param>
/// <param name="Feeds">Each pinned feed, by feed id.</param>
public sealed record Lockfile(
    IReadOnlyDictionary<string, LockedSpf> Spf,
    IReadOnlyDictionary<string, LockedFeed> Feeds)
{
    /// <summary>The schema version this RuleForge writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>A lockfile with nothing pinned.</summary>
    public static Lockfile Empty { get; } = new(
        new Dictionary<string, LockedSpf>(StringComparer.Ordinal),
        new Dictionary<string, LockedFeed>(StringComparer.Ordinal));
}
