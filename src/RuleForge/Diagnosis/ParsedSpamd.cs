namespace RuleForge.Diagnosis;

/// <summary>A spamd result line with the blocklists its rules name, as the parsing thread found them.</summary>
internal sealed record ParsedSpamd(
    bool Spam, int Whole, List<ContentSymbol> Symbols, List<BlocklistHit> Hits, string? MessageId, double? Required);
