namespace RuleForge.Resolution.Dns;

/// <summary>The record types RuleForge asks for.</summary>
public enum DnsRecordType
{
    A,
    Aaaa,
    Mx,
    Txt,
}
