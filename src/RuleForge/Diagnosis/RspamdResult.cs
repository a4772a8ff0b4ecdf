namespace RuleForge.Diagnosis;

/// <summary>What one Rspamd task log line (rspamd_task_write_log) says about a message.</summary>
/// <param name="Action">"no action", "greylist", "add header", "rewrite subject", "soft reject" or "reject".</param>
public sealed record RspamdResult(
    string? MessageId,
    string? QueueId,
    string? ClientIp,
    string? From,
    string? Recipient,
    string Action,
    double Score,
    double Required,
    IReadOnlyList<ContentSymbol> Symbols);
