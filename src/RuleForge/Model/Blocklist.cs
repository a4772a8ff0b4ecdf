using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>A DNS blocklist and where it may act.</summary>
/// <param name="Id">Stable lower-case id.</param>
/// <param name="Zone">The DNS zone, ASCII, without trailing dot.</param>
/// <param name="Checks">What is looked up: the client IP or the envelope sender's domain.</param>
/// <param name="ListingCodes">Answers that mean "listed"; anything else is not a listing.</param>
/// <param name="Act">What the blocklist may do in each target.</param>
public sealed record Blocklist(
    string Id,
    string? Description,
    string Zone,
    BlocklistLookup Checks,
    IReadOnlyList<ListingCodeRange> ListingCodes,
    BlocklistActions Act,
    SourceLocation Location)
{
    /// <summary>True when the given answer is one of the listing codes.</summary>
    public bool IsListing(uint answer) => ListingCodes.Any(r => r.Contains(answer));
}
