namespace RuleForge.Net;

/// <summary>What <see cref="AddressText.TryParseNetwork"/> found wrong, if anything.</summary>
public enum AddressParseStatus
{
    /// <summary>An address, with or without a valid prefix.</summary>
    Ok,

    /// <summary>The part before any '/' is not an IPv4 or IPv6 address.</summary>
    BadAddress,

    /// <summary>The address is fine; the prefix is missing, not a number or too long.</summary>
    BadPrefix,
}
