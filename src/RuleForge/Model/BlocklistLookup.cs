namespace RuleForge.Model;

/// <summary>What a blocklist is queried with.</summary>
public enum BlocklistLookup
{
    ClientIp,
    SenderDomain,
}
