namespace RuleForge.Live;

/// <summary>
/// Observations per scenario, plus every DNS question the loopback server answered (to prove
/// the daemons asked nothing elsewhere) and the resolvers the sandbox saw configured.
/// </summary>
public sealed record LiveRunResult(
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<string> DnsQueries,
    IReadOnlyList<string> Resolvers,
    IReadOnlyList<string> Problems);
