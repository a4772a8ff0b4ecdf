namespace RuleForge.Resolution.Spf;

/// <summary>The mechanisms of RFC 7208 section 5.</summary>
public enum SpfMechanism
{
    All,
    Include,
    A,
    Mx,
    Ptr,
    Ip4,
    Ip6,
    Exists,
}
