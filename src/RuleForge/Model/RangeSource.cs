using RuleForge.Net;

namespace RuleForge.Model;

/// <summary>One range as given, and where: "inline" or "feed efax-ranges (service=fax-smtp)".</summary>
public sealed record RangeSource(IpNetwork Network, string Origin);
