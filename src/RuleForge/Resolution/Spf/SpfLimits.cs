namespace RuleForge.Resolution.Spf;

/// <summary>
/// RFC 7208 limits, reported as the sender's problem when exceeded, and RuleForge's own bounds,
/// which stop flattening.
/// </summary>
/// <param name="Lookups">DNS-querying terms a receiver evaluates before permerror (RFC: 10).</param>
/// <param name="VoidLookups">Lookups that may find nothing before permerror (RFC: 2).</param>
/// <param name="MxNames">MX host names one mx term may have (RFC: 10).</param>
/// <param name="Depth">How deep includes and redirects may nest before flattening stops.</param>
/// <param name="Queries">How many distinct DNS questions one flattening may ask.</param>
/// <param name="Terms">How many terms the whole tree may hold.</param>
public sealed record SpfLimits(
    int Lookups = 10,
    int VoidLookups = 2,
    int MxNames = 10,
    int Depth = 10,
    int Queries = 100,
    int Terms = 1000)
{
    /// <summary>The RFC limits and RuleForge's bounds.</summary>
    public static SpfLimits Default { get; } = new();
}
