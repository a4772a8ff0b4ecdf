using RuleForge.Diagnostics;
using RuleForge.Net;

namespace RuleForge.Resolution.Spf;

/// <summary>
/// One term before it is combined with the others: the addresses it matches (which decide
/// them for later terms, whatever its qualifier) and the pass ranges it would grant.
/// </summary>
internal sealed record SpfTermEvaluation(
    SpfTermResult Result,
    AddressSet Match,
    IReadOnlyList<SpfRange> Grants,
    IReadOnlyList<Diagnostic> Diagnostics);
