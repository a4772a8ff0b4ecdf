namespace RuleForge.Resolution.Dns;

/// <summary>
/// A question that got no usable answer: a timeout, SERVFAIL, REFUSED, a truncated answer
/// that TCP could not complete, or a network error. Never a "not found".
/// </summary>
public sealed class DnsQueryException : Exception
{
    /// <summary>Makes the exception for a name and type with the reason in plain words.</summary>
    public DnsQueryException(string name, DnsRecordType type, string reason, Exception? inner = null)
        : base($"{type.ToString().ToUpperInvariant()} {name}: {reason}", inner)
    {
        Name = name;
        Type = type;
        Reason = reason;
    }

    /// <summary>The name that was asked for.</summary>
    public string Name { get; }

    /// <summary>The record type that was asked for.</summary>
    public DnsRecordType Type { get; }

    /// <summary>What went wrong, for the user.</summary>
    public string Reason { get; }
}
