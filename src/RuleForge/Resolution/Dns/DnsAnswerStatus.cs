namespace RuleForge.Resolution.Dns;

/// <summary>How a DNS server answered a question it could answer.</summary>
public enum DnsAnswerStatus
{
    /// <summary>At least one record of the asked type.</summary>
    Records,

    /// <summary>The name exists but has no record of the asked type.</summary>
    NoData,

    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NxDomain,
}
