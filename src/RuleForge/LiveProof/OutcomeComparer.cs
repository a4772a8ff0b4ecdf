using System.Globalization;
using RuleForge.Explanation;
using RuleForge.Live;

namespace RuleForge.LiveProof;

/// <summary>
/// Compares explain's prediction with what the daemons did. Postfix is compared by SMTP reply
/// class; Rspamd and SpamAssassin by the exact set of RuleForge rules that fired with their
/// scores, and for trusted messages also by the verdict (no action, ham). Other stock rules
/// add to the daemons' totals, so totals are shown but not compared.
/// </summary>
public static class OutcomeComparer
{
    /// <summary>One outcome per target that the prediction or the observation covers.</summary>
    public static IReadOnlyList<TargetOutcome> Compare(Explanation.Explanation predicted, Observation observed)
    {
        var outcomes = new List<TargetOutcome>();
        if (predicted.Smtpd is not null)
        {
            outcomes.Add(Smtp("postscreen+smtpd", PathClass(predicted), observed.PostscreenCode));
            var smtpd = predicted.Smtpd.Decision == "reject" ? "554 at RCPT" : "250 accepted";
            outcomes.Add(Smtp("smtpd", smtpd, observed.SmtpdCode));
            var deliver = Delivers(predicted) ? "delivered" : "not delivered";
            var seen = observed.Delivered switch { true => "delivered", false => "not delivered", _ => "not observed" };
            outcomes.Add(new TargetOutcome("mailbox", deliver, seen, deliver == seen));
        }

        if (predicted.Rspamd is { } rspamd)
        {
            var trusted = rspamd.Rules.Any(r => r.Rule.StartsWith("RF_TRUST_", StringComparison.Ordinal));
            outcomes.Add(Content("rspamd", rspamd, trusted, "no action", observed.RspamdSymbols,
                observed.RspamdAction, observed.RspamdScore, r => r.StartsWith("RF_", StringComparison.Ordinal)));
        }

        if (predicted.SpamAssassin is { } sa)
        {
            var trusted = sa.Rules.Any(r => r.Score < 0);
            var verdict = observed.SpamAssassinIsSpam switch { true => "spam", false => "ham", _ => null };
            outcomes.Add(Content("spamassassin", sa, trusted, "ham", observed.SpamAssassinRules, verdict,
                observed.SpamAssassinScore,
                r => r.StartsWith("RF_", StringComparison.Ordinal)
                    || r.StartsWith("USER_IN_", StringComparison.Ordinal)));
        }

        return outcomes;
    }

    private static string PathClass(Explanation.Explanation e) =>
        e.Postscreen?.Decision == "reject" ? "5xx at connect"
        : e.Smtpd?.Decision == "reject" ? "554 at RCPT"
        : "250 accepted";

    private static bool Delivers(Explanation.Explanation e) =>
        e.Postscreen?.Decision != "reject" && e.Smtpd?.Decision != "reject"
        && e.Rspamd?.Action is not ("reject" or "greylist");

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

    private static TargetOutcome Content(
        string target, ContentVerdict predicted, bool trusted, string trustedVerdict,
        IReadOnlyDictionary<string, double>? rules, string? verdict, double? score, Func<string, bool> ours)
    {
        var expected = predicted.Rules.Select(r => $"{r.Rule}({F(r.Score)})").Order(StringComparer.Ordinal).ToList();
        var predictedText = $"{(trusted ? trustedVerdict + "; " : "")}{Join(expected)}";
        if (rules is null || verdict is null)
        {
            return new TargetOutcome(target, predictedText, "not observed", false);
        }

        var seen = rules.Where(r => ours(r.Key))
            .Select(r => $"{r.Key}({F(r.Value)})")
            .Order(StringComparer.Ordinal)
            .ToList();
        var agree = expected.SequenceEqual(seen) && (!trusted || verdict == trustedVerdict);
        return new TargetOutcome(target, predictedText, $"{verdict} {F(score ?? 0)}; {Join(seen)}", agree);
    }

    private static string Join(List<string> items) => items.Count == 0 ? "-" : string.Join(' ', items);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
