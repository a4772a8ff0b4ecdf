using RuleForge.Diagnostics;

namespace RuleForge.Audit.SpamAssassin;

/// <summary>A scored SpamAssassin DNSBL rule: its name, the zone it queries, its score and where it is.</summary>
public sealed record SaBlocklistRule(string Name, string Zone, double Score, SourceLocation Location);
