using RuleForge.Net;
using RuleForge.Planning;

namespace RuleForge.Proof;

/// <summary>
/// What the proof looks up once per sender and blocklist, prepared once per plan: positions in
/// the restriction lists, the ranges postscreen permits, and each content filter's trust rules
/// by sender. Without it every lookup scans lists that grow with the number of senders.
/// </summary>
internal sealed class PlanIndex
{
    private readonly Lazy<AddressSet>? _permitted;
    private readonly Dictionary<ContentScoring, ILookup<string, ScoredTrust>> _trusts =
        new(ReferenceEqualityComparer.Instance);

    public PlanIndex(BuildPlan plan, Func<string, IpNetwork> parse)
    {
        RestrictionLists = plan.Postfix is { } postfix
            ? postfix.RestrictionLists.Select(l => new RestrictionIndex(l)).ToList()
            : [];

        // Note: lazy, so a table key that does not parse fails only where the old per-pair check did.
        if (plan.Postfix?.Postscreen is { } ps)
        {
            _permitted = new(() => AddressSet.From(ps.AccessTable.Entries
                .Where(e => e.Value == "permit")
                .Select(e => parse(e.Key))));
        }

        foreach (var scoring in plan.ContentScorings)
        {
            _trusts[scoring] = scoring.Trusts.ToLookup(t => t.SenderId, StringComparer.Ordinal);
        }
    }

    /// <summary>One index per smtpd restriction list, in plan order.</summary>
    public IReadOnlyList<RestrictionIndex> RestrictionLists { get; }

    /// <summary>The union of the ranges the postscreen access table permits (empty without postscreen).</summary>
    public AddressSet Permitted => _permitted?.Value ?? AddressSet.Empty;

    /// <summary>The sender's trust rules in one content filter, in plan order.</summary>
    public IEnumerable<ScoredTrust> TrustsOf(ContentScoring scoring, string senderId) => _trusts[scoring][senderId];
}
