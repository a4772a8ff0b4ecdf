using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>A postscreen DNSBL rank at or above the threshold, waiting for the line that ends the connection.</summary>
public sealed record PendingRank(int Rank, SourceLocation Location, string Time);
