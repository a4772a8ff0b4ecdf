namespace RuleForge.Explanation;

/// <summary>
/// The prediction for one message: each Postfix stage, each content filter, and the fate
/// ("rejected at connect", "rejected at RCPT", "rejected by content filter", "delivered").
/// </summary>
public sealed record Explanation(
    MessageFacts Facts,
    StageDecision? Postscreen,
    StageDecision? Smtpd,
    ContentVerdict? Rspamd,
    ContentVerdict? SpamAssassin,
    string Fate);
