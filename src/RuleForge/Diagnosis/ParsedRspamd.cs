namespace RuleForge.Diagnosis;

/// <summary>
/// An Rspamd task line with the blocklists its symbols name and its verdict as the report prints it
/// (action and scores), as the parsing thread found them.
/// </summary>
internal sealed record ParsedRspamd(RspamdResult Result, List<BlocklistHit> Hits, bool Spam, string Verdict);
