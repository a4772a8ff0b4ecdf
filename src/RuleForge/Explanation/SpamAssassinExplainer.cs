using System.Text.RegularExpressions;
using RuleForge.Planning;

namespace RuleForge.Explanation;

/// <summary>Computes which RuleForge rules SpamAssassin hits for a message, from the SpamAssassin plan.</summary>
public static partial class SpamAssassinExplainer
{
    /// <summary>The RuleForge rules (and welcomelist rules), their sum and the verdict.</summary>
    public static ContentVerdict Explain(SpamAssassinPlan plan, MessageFacts facts)
    {
        var hits = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["SPF_PASS"] = facts.Spf == AuthResult.Pass,
            ["__RF_DMARC_PASS"] = facts.Dmarc == AuthResult.Pass,
        };
        var fired = new List<(string, double)>();
        foreach (var rule in plan.Rules)
        {
            var hit = Evaluate(plan, rule, facts, hits);
            hits[rule.Name] = hit;
            if (hit && rule.Score is { } score)
            {
                fired.Add((rule.Name, score));
            }
        }

        var welcome = plan.Scoring.Trusts.Where(t => t.RuleName.StartsWith("USER_IN_", StringComparison.Ordinal));
        foreach (var trust in welcome)
        {
            if (WelcomelistHits(plan, trust, facts))
            {
                fired.Add((trust.RuleName, trust.Score));
            }
        }

        var total = fired.Sum(f => f.Item2);
        var spam = total >= plan.RequiredScore;
        return new ContentVerdict("spamassassin", fired, total, spam ? "spam" : "ham",
            $"RuleForge rules sum to {RspamdExplainer.TextFormat(total)} " +
            $"against required_score {RspamdExplainer.TextFormat(plan.RequiredScore)}");
    }

    private static bool Evaluate(SpamAssassinPlan plan, SaRule rule, MessageFacts facts, Dictionary<string, bool> hits)
    {
        if (rule.Kind == "meta")
        {
            return BooleanExpression.Evaluate(rule.Definition, a => hits.TryGetValue(a, out var h) && h);
        }

        var args = Arguments().Matches(rule.Definition).Select(m => m.Groups[1].Value).ToList();
        if (rule.Definition.StartsWith("eval:ruleforge_client_in(", StringComparison.Ordinal))
        {
            return plan.ClientNets.Any(n => n.List == args[0]
                && PostfixPattern.Network(n.Network).Contains(facts.ClientFamily, facts.ClientAddress));
        }

        if (rule.Definition.StartsWith("eval:check_dkim_valid(", StringComparison.Ordinal))
        {
            return facts.Dkim == AuthResult.Pass && args.Contains(facts.DkimDomain ?? "");
        }

        if (rule.Definition.StartsWith("eval:check_rbl(", StringComparison.Ordinal))
        {
            return facts.AnswerOf(args[1].TrimEnd('.')) is not null;
        }

        if (rule.Definition.StartsWith("eval:check_rbl_sub(", StringComparison.Ordinal))
        {
            var set = plan.Rules.First(r =>
                r.Definition.StartsWith($"eval:check_rbl('{args[0]}'", StringComparison.Ordinal));
            var zone = Arguments().Matches(set.Definition).Select(m => m.Groups[1].Value).ElementAt(1).TrimEnd('.');
            return Listed(facts, zone, args[1]);
        }

        if (rule.Definition.StartsWith("eval:check_rbl_envfrom(", StringComparison.Ordinal))
        {
            return Listed(facts, args[1].TrimEnd('.'), args[2]);
        }

        var header = HeaderRule().Match(rule.Definition);
        if (header.Success)
        {
            var address = header.Groups[1].Value == "EnvelopeFrom" ? facts.EnvelopeFrom : facts.HeaderFrom;
            return Regex.IsMatch(address, header.Groups[2].Value, RegexOptions.IgnoreCase);
        }

        throw new InvalidOperationException(
            $"explain cannot evaluate SpamAssassin rule {rule.Name}: {rule.Definition}");
    }

    private static bool Listed(MessageFacts facts, string zone, string subtest) =>
        facts.AnswerOf(zone) is { } answer && Regex.IsMatch(Model.ListingCodeRange.Format(answer), subtest);

    // Note: SpamAssassin's SPF welcome list checks the envelope sender that SPF passed for; its
    // DKIM welcome list checks the header From address against the signing domain.
    private static bool WelcomelistHits(SpamAssassinPlan plan, ScoredTrust trust, MessageFacts facts)
    {
        var patterns = plan.Welcomelists.Where(w => w.SenderId == trust.SenderId).Select(w => w.Pattern[2..]).ToList();
        return trust.RuleName.Contains("_SPF_", StringComparison.Ordinal)
            ? facts.Spf == AuthResult.Pass && patterns.Contains(facts.EnvelopeDomain)
            : facts.Dkim == AuthResult.Pass && patterns.Contains(facts.HeaderDomain)
                && facts.DkimDomain == facts.HeaderDomain;
    }

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Arguments();

    [GeneratedRegex(@"^(EnvelopeFrom|From):addr =~ /(.*)/i$")]
    private static partial Regex HeaderRule();
}
