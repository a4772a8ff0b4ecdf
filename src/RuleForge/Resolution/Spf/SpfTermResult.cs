using RuleForge.Net;

namespace RuleForge.Resolution.Spf;

/// <summary>One evaluated term of a record, with the ranges it grants and what it led to.</summary>
/// <param name="Text">The term as published (redirect appears as <c>redirect=domain</c>).</param>
/// <param name="Detail">A short note for the tree: hosts found, the reason a term is not flattened.</param>
/// <param name="Granted">The pass ranges this term adds, minus those earlier terms already decided.</param>
/// <param name="Child">The record an include or redirect led to, or null.</param>
/// <param name="CountsAsLookup">True when the term counts against the limit of 10 lookups.</param>
/// <param name="VoidLookups">Lookups of this term that found nothing (the target, each MX host).</param>
/// <param name="Hosts">MX host names, for mx terms.</param>
public sealed record SpfTermResult(
    string Text,
    SpfTermOutcome Outcome,
    string Detail,
    IReadOnlyList<IpNetwork> Granted,
    SpfNode? Child,
    bool CountsAsLookup,
    int VoidLookups,
    IReadOnlyList<string> Hosts);
