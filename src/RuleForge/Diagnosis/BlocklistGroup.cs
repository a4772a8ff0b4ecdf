using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>
/// Rejections and spam verdicts by one blocklist at one stage: how many, when, a few examples,
/// and what the policy would do with those messages (fate and count).
/// </summary>
/// <param name="BlocklistId">The policy's id for the zone, or null when the policy does not use it.</param>
public sealed record BlocklistGroup(
    string Zone,
    string? BlocklistId,
    LogStage Stage,
    long Count,
    string FirstSeen,
    SourceLocation FirstLocation,
    string LastSeen,
    IReadOnlyList<BlockEvent> Examples,
    IReadOnlyList<KeyValuePair<string, long>> PolicyFates);
