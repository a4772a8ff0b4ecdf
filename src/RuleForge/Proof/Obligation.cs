namespace RuleForge.Proof;

/// <summary>
/// One thing the proof must show: that <see cref="SenderId"/> outranks
/// <see cref="BlocklistId"/> in <see cref="Target"/> at <see cref="Stage"/>; and why it holds or not.
/// </summary>
public sealed record Obligation(
    string SenderId,
    string BlocklistId,
    string Target,
    string Stage,
    ObligationStatus Status,
    string Reason);
