namespace RuleForge.Planning;

/// <summary>
/// The scores a content filter's plan assigns: what each trust rule is worth, what each
/// blocklist adds, and the action thresholds. The proof reads this, not the policy, so it
/// checks what is actually rendered.
/// </summary>
public sealed record ContentScoring(
    string Target,
    IReadOnlyList<ScoredTrust> Trusts,
    IReadOnlyList<ScoredBlocklist> Blocklists,
    IReadOnlyList<(string Action, double Threshold)> Thresholds);
