using RuleForge.Planning;

namespace RuleForge.Explanation;

/// <summary>
/// Predicts what each daemon does with one message, from the same plans that build renders
/// and the proof checks: no second implementation of the rules.
/// </summary>
public static class Explainer
{
    /// <summary>The decision at every stage of every enabled target, and the message's fate.</summary>
    public static Explanation Explain(BuildPlan plan, MessageFacts facts)
    {
        var postscreen = plan.Postfix is { } pf ? PostfixExplainer.Postscreen(pf, facts) : null;
        var smtpd = plan.Postfix is { } pf2 ? PostfixExplainer.Smtpd(pf2, facts) : null;
        var rspamd = plan.Rspamd is { } rs ? RspamdExplainer.Explain(rs, facts) : null;
        var sa = plan.SpamAssassin is { } s ? SpamAssassinExplainer.Explain(s, facts) : null;
        return new Explanation(facts, postscreen, smtpd, rspamd, sa, Fate(postscreen, smtpd, rspamd, sa));
    }

    private static string Fate(
        StageDecision? postscreen, StageDecision? smtpd, ContentVerdict? rspamd, ContentVerdict? sa)
    {
        if (postscreen?.Decision == "reject")
        {
            return "rejected at connect (postscreen)";
        }

        if (smtpd?.Decision == "reject")
        {
            return "rejected at RCPT (smtpd)";
        }

        if (rspamd?.Action == "reject")
        {
            return $"rejected after DATA by Rspamd (score {RspamdExplainer.TextFormat(rspamd.Score)})";
        }

        var scores = string.Join(", ", new[] { rspamd, sa }.OfType<ContentVerdict>()
            .Select(v => $"{v.Target} {RspamdExplainer.TextFormat(v.Score)} ({v.Action})"));
        return scores.Length == 0 ? "delivered" : $"delivered, scored {scores}";
    }
}
