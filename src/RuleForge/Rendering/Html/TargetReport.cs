using RuleForge.Proof;

namespace RuleForge.Rendering.Html;

/// <summary>One sender in one target: the chart of credit against worst case, and the obligations.</summary>
/// <param name="Target">postfix, rspamd or spamassassin.</param>
/// <param name="Chart">The chart, or null when the target has nothing to weigh (no postscreen).</param>
/// <param name="Caption">What the chart shows, or why there is none.</param>
/// <param name="Obligations">The proof's obligations for this sender in this target.</param>
public sealed record TargetReport(
    string Target,
    BarChart? Chart,
    string Caption,
    IReadOnlyList<Obligation> Obligations);
