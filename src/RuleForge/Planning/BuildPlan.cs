using RuleForge.Model;

namespace RuleForge.Planning;

/// <summary>The resolved policy and each enabled target's plan.</summary>
public sealed record BuildPlan(
    Policy Policy,
    PostfixPlan? Postfix,
    RspamdPlan? Rspamd,
    SpamAssassinPlan? SpamAssassin)
{
    /// <summary>The content filters' scorings, for the proof and for explain.</summary>
    public IEnumerable<ContentScoring> ContentScorings =>
        new[] { Rspamd?.Scoring, SpamAssassin?.Scoring }.OfType<ContentScoring>();
}
