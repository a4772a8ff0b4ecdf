namespace RuleForge.Resolution.Spf;

/// <summary>A record's node and the pass ranges it grants, with provenance.</summary>
/// <param name="HasRecord">False when the domain publishes no SPF record.</param>
/// <param name="TxtVoid">True when the TXT lookup found nothing at all (a void lookup).</param>
internal sealed record SpfNodeEvaluation(
    SpfNode Node,
    IReadOnlyList<SpfRange> Grants,
    bool HasRecord,
    bool TxtVoid);
