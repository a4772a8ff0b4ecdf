namespace RuleForge.Planning;

/// <summary>The evidence a trust rule relies on.</summary>
public enum TrustMechanism
{
    /// <summary>The client IP is in the sender's ranges.</summary>
    Ranges,

    /// <summary>The client IP is in the sender's ranges and the envelope sender in its domains.</summary>
    RangesWithEnvelopeDomain,

    /// <summary>SPF, DKIM and/or DMARC as the policy requires.</summary>
    Authentication,
}
