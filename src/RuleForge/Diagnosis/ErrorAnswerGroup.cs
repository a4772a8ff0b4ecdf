using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>Error answers (not listings) from one blocklist, of one kind, seen at one stage.</summary>
/// <param name="Kind">"open resolver", "excessive queries" or "error answer".</param>
/// <param name="Answer">The answer when the log shows it, e.g. 127.255.255.254.</param>
/// <param name="Blocked">How many of them came with a rejection or spam verdict.</param>
public sealed record ErrorAnswerGroup(
    string Zone,
    LogStage Stage,
    string Kind,
    string? Answer,
    long Count,
    long Blocked,
    string FirstSeen,
    SourceLocation FirstLocation,
    string LastSeen);
