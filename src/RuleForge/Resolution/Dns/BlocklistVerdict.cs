namespace RuleForge.Resolution.Dns;

/// <summary>What one blocklist said about an address or a domain.</summary>
public enum BlocklistVerdict
{
    /// <summary>The answer holds at least one of the list's listing codes.</summary>
    Listed,

    /// <summary>NXDOMAIN or no A record.</summary>
    NotListed,

    /// <summary>Only answers that are not listing codes (such as 127.255.255.254): never a listing.</summary>
    ErrorAnswer,

    /// <summary>The list checks the other kind of subject (client IP vs sender domain).</summary>
    NotApplicable,

    /// <summary>The DNS question got no usable answer.</summary>
    Failed,
}
