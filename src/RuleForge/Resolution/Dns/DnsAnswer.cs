namespace RuleForge.Resolution.Dns;

/// <summary>
/// A usable answer to one question. Values are the records of the asked type as text: a TXT
/// record's strings joined without separators, an address in canonical form, or an MX host name
/// (lower case, no trailing dot, ordered by preference then name).
/// </summary>
/// <param name="TxtStrings">
/// For TXT, how many strings each record of <paramref name="Values"/> had before they were joined
/// (same order); null when not known.
/// </param>
public sealed record DnsAnswer(
    string Name, DnsRecordType Type, DnsAnswerStatus Status, IReadOnlyList<string> Values,
    IReadOnlyList<int>? TxtStrings = null)
{
    /// <summary>True for NXDOMAIN and for an empty answer: a "void lookup" in RFC 7208 terms.</summary>
    public bool IsVoid => Values.Count == 0;
}
