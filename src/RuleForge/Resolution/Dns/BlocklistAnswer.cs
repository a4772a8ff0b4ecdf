using RuleForge.Diagnostics;

namespace RuleForge.Resolution.Dns;

/// <summary>One blocklist's answer, interpreted.</summary>
/// <param name="Blocklist">The blocklist's id in the policy.</param>
/// <param name="QueryName">The name asked, or null when the list does not apply.</param>
/// <param name="Codes">Every A record of the answer, as text.</param>
/// <param name="Detail">The verdict in words, for people.</param>
/// <param name="Diagnostic">A warning for an error answer, an error for a failed query.</param>
public sealed record BlocklistAnswer(
    string Blocklist,
    string? QueryName,
    BlocklistVerdict Verdict,
    IReadOnlyList<string> Codes,
    string Detail,
    Diagnostic? Diagnostic);
