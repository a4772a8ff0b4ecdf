using RuleForge.Net;

namespace RuleForge.Resolution.Lock;

/// <summary>A pass range of a flattened SPF record and where it came from.</summary>
/// <param name="Network">The range as the term granted it.</param>
/// <param name="Record">The domain whose record holds the term.</param>
/// <param name="Term">The term, as published.</param>
/// <param name="Via">The include or redirect term that led to the record, or null for the
/// flattened domain's own record.</param>
public sealed record LockedSpfRange(IpNetwork Network, string Record, string Term, string? Via)
{
    /// <summary>Provenance as a range source names it: "spf d.example (include:_spf.d.example: ip4:...)".</summary>
    public string Origin(string domain) =>
        Via is null ? $"spf {domain} ({Term})" : $"spf {domain} ({Via}: {Term})";
}
