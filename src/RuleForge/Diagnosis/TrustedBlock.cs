namespace RuleForge.Diagnosis;

/// <summary>A trusted sender's message that a blocklist blocked, and what the policy would do with it.</summary>
/// <param name="Fate">explain's fate under the policy, or why it could not be explained.</param>
public sealed record TrustedBlock(
    string SenderId,
    string MatchedBy,
    BlockEvent Event,
    Explanation.Explanation? Explanation,
    string Fate);
