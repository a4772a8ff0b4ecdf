using System.Globalization;
using RuleForge.Explanation;
using RuleForge.Live;
using RuleForge.Planning;

namespace RuleForge.LiveProof;

/// <summary>
/// Compares explain's prediction with what the daemons did. Postfix is compared by SMTP reply
/// class. Rspamd and SpamAssassin are compared by the exact set of the plan's rules that fired,
/// with their scores, and by the verdict: the daemon's other (stock) rules add a baseline the
/// policy does not decide, so the predicted verdict is the plan's thresholds applied to the
/// predicted RuleForge score plus that observed baseline. The mailbox follows from both.
/// </summary>
public static class OutcomeComparer
{
    /// <summary>One outcome per target that the prediction or the observation covers.</summary>
    public static IReadOnlyList<TargetOutcome> Compare(
        Explanation.Explanation predicted, Observation observed, BuildPlan plan)
    {
        var rules = LiveVerifier.PlanRules(plan);
        var outcomes = new List<TargetOutcome>();
        string? rspamdAction = null;
        double? rspamdMargin = null;
        if (predicted.Rspamd is { } rspamd && plan.Rspamd is { } rsPlan)
        {
            var thresholds = rsPlan.Actions.Where(a => a.Score is not null)
                .Select(a => (a.Action.Replace('_', ' '), a.Score!.Value))
                .ToList();
            var outcome = Content("rspamd", rspamd, observed.RspamdSymbols, observed.RspamdScore,
                observed.RspamdAction, rules,
                total => thresholds.Where(t => total >= t.Value).Select(t => t.Item1).LastOrDefault() ?? "no action");
            outcomes.Add(outcome.Outcome);
            rspamdAction = outcome.PredictedVerdict;
            rspamdMargin = outcome.Total is { } total
                ? thresholds.Select(t => Math.Abs(total - t.Value)).DefaultIfEmpty(double.MaxValue).Min()
                : null;
        }

        if (predicted.SpamAssassin is { } sa && plan.SpamAssassin is { } saPlan)
        {
            var verdict = observed.SpamAssassinIsSpam switch { true => "spam", false => "ham", _ => null };
            outcomes.Add(Content("spamassassin", sa, observed.SpamAssassinRules, observed.SpamAssassinScore,
                verdict, rules,
                total => total >= saPlan.RequiredScore ? "spam" : "ham").Outcome);
        }

        if (predicted.Smtpd is not null)
        {
            outcomes.Insert(0, Smtp("postscreen+smtpd", PathClass(predicted), observed.PostscreenCode));
            var smtpd = predicted.Smtpd.Decision == "reject" ? "554 at RCPT" : "250 accepted";
            outcomes.Insert(1, Smtp("smtpd", smtpd, observed.SmtpdCode));
            var deliver = Delivers(predicted, rspamdAction) ? "delivered" : "not delivered";
            var seen = observed.Delivered switch { true => "delivered", false => "not delivered", _ => "not observed" };
            // Note: the milter scans the message as Postfix received it (its own Received line,
            // HELO), so stock rules may score it a little differently from rspamc; within a point
            // of a threshold the mailbox is not a prediction the policy can make.
            var close = rspamdMargin is < CloseCall && predicted.Smtpd.Decision != "reject"
                && predicted.Postscreen?.Decision != "reject";
            var agree = deliver == seen || (close && seen != "not observed");
            var said = close ? $"{deliver} (within a point of a threshold)" : deliver;
            outcomes.Insert(2, new TargetOutcome("mailbox", said, seen, agree));
        }

        return outcomes;
    }

    private static string PathClass(Explanation.Explanation e) =>
        e.Postscreen?.Decision == "reject" ? "5xx at connect"
        : e.Smtpd?.Decision == "reject" ? "554 at RCPT"
        : "250 accepted";

    // Note: through the milter, Rspamd's reject refuses the message and greylist defers it.
    private static bool Delivers(Explanation.Explanation e, string? rspamdAction) =>
        e.Postscreen?.Decision != "reject" && e.Smtpd?.Decision != "reject"
        && rspamdAction is not ("reject" or "greylist" or "soft reject");

    private static TargetOutcome Smtp(string target, string predicted, int? code)
    {
        var observed = code switch
        {
            null => "not observed",
            250 => "250 accepted",
            554 => "554 at RCPT",
            550 or 521 => "5xx at connect",
            _ => $"{code} other",
        };
        return new TargetOutcome(target, predicted, observed, predicted == observed);
    }

    private const double CloseCall = 1.0;

    private static (TargetOutcome Outcome, string? PredictedVerdict, double? Total) Content(
        string target, ContentVerdict predicted, IReadOnlyDictionary<string, double>? observedRules,
        double? observedScore, string? observedVerdict, IReadOnlySet<string> planRules, Func<double, string> verdictOf)
    {
        var expected = predicted.Rules.Select(r => $"{r.Rule}({F(r.Score)})").Order(StringComparer.Ordinal).ToList();
        if (observedRules is null || observedVerdict is null || observedScore is null)
        {
            return (new TargetOutcome(target, Join(expected), "not observed", false), null, null);
        }

        var ours = observedRules.Where(r => planRules.Contains(r.Key)).ToList();
        var seen = ours.Select(r => $"{r.Key}({F(r.Value)})").Order(StringComparer.Ordinal).ToList();
        var baseline = observedScore.Value - ours.Sum(r => r.Value);
        var verdict = verdictOf(predicted.Score + baseline);
        var agree = expected.SequenceEqual(seen) && verdict == observedVerdict;
        return (new TargetOutcome(target,
            $"{verdict} {F(predicted.Score)}+{F(baseline)}; {Join(expected)}",
            $"{observedVerdict} {F(observedScore.Value)}; {Join(seen)}", agree), verdict, predicted.Score + baseline);
    }

    private static string Join(List<string> items) => items.Count == 0 ? "-" : string.Join(' ', items);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
