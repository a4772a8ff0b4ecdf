namespace RuleForge.Planning;

/// <summary>
/// An rbl module rule. <see cref="Selector"/> is null for client-IP lists (checks = from);
/// otherwise it names what is looked up. Only <see cref="ListedSymbol"/> scores; an answer
/// outside <see cref="ReturnCodes"/> inserts nothing (unknown = false).
/// </summary>
/// <param name="ReturnCodes">Every listing code as a dotted address.</param>
/// <param name="ExemptMapFile">Map of client ranges never queried, or null.</param>
public sealed record RspamdBlocklist(
    string BlocklistId,
    string RuleName,
    string Symbol,
    string ListedSymbol,
    string Zone,
    string? Selector,
    IReadOnlyList<string> ReturnCodes,
    double Score,
    string? ExemptMapFile,
    string Description);
