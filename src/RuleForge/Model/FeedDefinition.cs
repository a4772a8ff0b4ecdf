using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>An IP-range feed the policy reads.</summary>
/// <param name="Id">Id that senders refer to.</param>
/// <param name="File">Path relative to the policy file, as written; for a URL feed, the URL as written.</param>
/// <param name="FullPath">Absolute path used to read it; for a URL feed, the URL.</param>
/// <param name="Shape">A name from <c>RuleForge.Resolution.Feeds.FeedShapes</c>: auto (recognised from the
/// content), generic, aws, google, m365, github, oracle, atlassian or text.</param>
/// <param name="ItemsPath">Generic shape: dotted path to the array of rows.</param>
/// <param name="CidrField">Generic shape: the row field that holds the CIDR or CIDRs.</param>
public sealed record FeedDefinition(
    string Id,
    string File,
    string FullPath,
    string Shape,
    string? ItemsPath,
    string? CidrField,
    SourceLocation Location)
{
    /// <summary>The https (or loopback http) URL the feed is downloaded from; null for a local file.</summary>
    public Uri? Url { get; init; }

    /// <summary>
    /// How the feed is read, for the lockfile to tell when a pin no longer fits the policy:
    /// the shape, and for the generic shape where the rows and CIDRs are.
    /// </summary>
    public string Reader => Shape == "generic"
        ? $"shape generic, items {ItemsPath}, cidr_field {CidrField}"
        : $"shape {Shape}";
}
