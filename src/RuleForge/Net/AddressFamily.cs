namespace RuleForge.Net;

/// <summary>IP version of an address or network.</summary>
public enum IpFamily
{
    V4 = 4,
    V6 = 6,
}
