using RuleForge.Net;

namespace RuleForge.Resolution.Spf;

/// <summary>A trusted range and where it came from: the record's domain and the term.</summary>
public sealed record SpfRange(IpNetwork Network, string Domain, string Term);
