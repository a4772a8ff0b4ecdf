using RuleForge.Net;

namespace RuleForge.Resolution.Spf;

/// <summary>One parsed mechanism of an SPF record.</summary>
/// <param name="Text">The term exactly as the record spells it.</param>
/// <param name="DomainSpec">The domain after the colon (include, a, mx, ptr, exists), or null.</param>
/// <param name="V4Prefix">The IPv4 prefix length for a and mx (32 when not given).</param>
/// <param name="V6Prefix">The IPv6 prefix length for a and mx (128 when not given).</param>
/// <param name="Network">The network of ip4 and ip6, host bits cleared.</param>
public sealed record SpfTerm(
    string Text,
    SpfQualifier Qualifier,
    SpfMechanism Mechanism,
    string? DomainSpec,
    int V4Prefix,
    int V6Prefix,
    IpNetwork? Network)
{
    /// <summary>True for the terms that count against the limit of 10 DNS lookups.</summary>
    public bool QueriesDns => Mechanism is SpfMechanism.Include or SpfMechanism.A or SpfMechanism.Mx
        or SpfMechanism.Ptr or SpfMechanism.Exists;
}
