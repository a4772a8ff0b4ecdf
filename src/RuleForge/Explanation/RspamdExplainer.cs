using RuleForge.Planning;

namespace RuleForge.Explanation;

/// <summary>Computes which RuleForge symbols Rspamd inserts for a message, from the Rspamd plan.</summary>
public static class RspamdExplainer
{
    /// <summary>The RuleForge symbols, their sum and the action it reaches.</summary>
    public static ContentVerdict Explain(RspamdPlan plan, MessageFacts facts)
    {
        var fired = new List<(string, double)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in plan.Multimaps)
        {
            if (MultimapMatches(plan, m, facts))
            {
                fired.Add((m.Symbol, m.Score));
                names.Add(m.Symbol);
            }
        }

        foreach (var c in plan.Composites)
        {
            if (BooleanExpression.Evaluate(c.Expression, atom => Atom(atom, names, facts)))
            {
                fired.Add((c.Symbol, c.Score));
            }
        }

        foreach (var b in plan.Blocklists)
        {
            if (BlocklistFires(plan, b, facts))
            {
                fired.Add((b.ListedSymbol, b.Score));
            }
        }

        var score = fired.Sum(f => f.Item2);
        var active = plan.Actions.Where(a => a.Score is not null).ToList();
        var action = active.Where(a => score >= a.Score)
            .Select(a => a.Action.Replace('_', ' '))
            .LastOrDefault() ?? "no action";
        var thresholds = string.Join(", ", active.Select(a => $"{a.Action} {TextFormat(a.Score!.Value)}"));
        return new ContentVerdict("rspamd", fired, score, action,
            $"RuleForge symbols sum to {TextFormat(score)} against {thresholds}");
    }

    private static bool MultimapMatches(RspamdPlan plan, RspamdMultimap m, MessageFacts facts)
    {
        var map = plan.Maps.First(f => m.MapFile.EndsWith("/" + f.FileName, StringComparison.Ordinal));
        return m.Type switch
        {
            "ip" => map.Lines.Any(l => PostfixPattern.Network(l.Key).Contains(facts.ClientFamily, facts.ClientAddress)),
            "from" => map.Lines.Any(l => l.Key == facts.EnvelopeDomain),
            _ => map.Lines.Any(l => l.Key == facts.HeaderDomain),
        };
    }

    private static bool BlocklistFires(RspamdPlan plan, RspamdBlocklist b, MessageFacts facts)
    {
        if (facts.AnswerOf(b.Zone) is not { } answer)
        {
            return false;
        }

        if (b.ExemptMapFile is { } exempt)
        {
            var map = plan.Maps.First(f => exempt.EndsWith("/" + f.FileName, StringComparison.Ordinal));
            if (map.Lines.Any(l => PostfixPattern.Network(l.Key).Contains(facts.ClientFamily, facts.ClientAddress)))
            {
                return false;
            }
        }

        return b.ReturnCodes.Contains(Model.ListingCodeRange.Format(answer));
    }

    private static bool Atom(string atom, HashSet<string> fired, MessageFacts facts)
    {
        var bracket = atom.IndexOf('[', StringComparison.Ordinal);
        var symbol = bracket < 0 ? atom : atom[..bracket];
        var option = bracket < 0 ? null : atom[(bracket + 1)..^1];
        return symbol switch
        {
            "R_SPF_ALLOW" => facts.Spf == AuthResult.Pass,
            "DMARC_POLICY_ALLOW" => facts.Dmarc == AuthResult.Pass,
            "R_DKIM_ALLOW" => facts.Dkim == AuthResult.Pass,
            "DKIM_TRACE" => facts.Dkim == AuthResult.Pass && option == $"{facts.DkimDomain}:+",
            _ => fired.Contains(symbol),
        };
    }

    internal static string TextFormat(double v) =>
        v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
