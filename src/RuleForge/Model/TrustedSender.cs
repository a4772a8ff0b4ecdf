using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>A sender whose mail must outrank every blocklist.</summary>
/// <param name="Id">Stable lower-case id, used in symbol and rule names.</param>
/// <param name="Description">Who this is, free text (never rendered unescaped).</param>
/// <param name="Domains">Envelope sender and header From domains, ASCII form.</param>
/// <param name="Authentication">What authentication earns trust, or null for none.</param>
/// <param name="Ranges">Published sending ranges, or null for none.</param>
/// <param name="Credit">How much trust weighs in the content filters.</param>
public sealed record TrustedSender(
    string Id,
    string? Description,
    IReadOnlyList<string> Domains,
    AuthenticationRequirement? Authentication,
    RangeTrust? Ranges,
    Credit Credit,
    SourceLocation Location);
