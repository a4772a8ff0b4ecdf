using RuleForge.Explanation;
using RuleForge.Live;
using RuleForge.Planning;

namespace RuleForge.LiveProof;

/// <summary>
/// verify --live: generates the scenario matrix, predicts each scenario with explain, runs it
/// through the real daemons with the live harness, and compares.
/// </summary>
public static class LiveVerifier
{
    /// <summary>Runs the matrix against a tree built from the same plan.</summary>
    public static LiveReport Verify(BuildPlan plan, string tree, TextWriter log)
    {
        var matrix = ScenarioMatrix.For(plan);
        var scenarios = matrix.Scenarios.Select(s => s.Scenario).ToList();
        var run = LiveHarness.Run(new LiveRun(tree, matrix.Domains, scenarios), log);
        var observed = run.Observations.ToDictionary(o => o.Scenario, StringComparer.Ordinal);
        var results = matrix.Scenarios.Select(s =>
        {
            var prediction = Explainer.Explain(plan, s.Facts);
            var observation = observed.TryGetValue(s.Scenario.Name, out var o)
                ? o
                : new Observation(s.Scenario.Name, null, null, null, null, null, null, null, null, null);
            return new ScenarioResult(s, OutcomeComparer.Compare(prediction, observation, plan));
        }).ToList();
        return new LiveReport(results, run);
    }

    /// <summary>Every symbol and rule name the content plans define or rely on for trust.</summary>
    internal static IReadOnlySet<string> PlanRules(BuildPlan plan)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (plan.Rspamd is { } rs)
        {
            names.UnionWith(rs.Multimaps.Select(m => m.Symbol));
            names.UnionWith(rs.Composites.Select(c => c.Symbol));
            names.UnionWith(rs.Blocklists.Select(b => b.ListedSymbol));
            names.UnionWith(rs.Blocklists.Select(b => b.Symbol));
        }

        if (plan.SpamAssassin is { } sa)
        {
            names.UnionWith(sa.Rules.Select(r => r.Name));
            names.UnionWith(sa.Scoring.Trusts.Select(t => t.RuleName));
        }

        return names;
    }
}
