namespace RuleForge.Diagnosis;

/// <summary>
/// One blocklist that a log line names: its zone, the answer when the log shows it, the
/// content-filter rule or symbol that reported it and that rule's score, and the kind of error
/// answer when the answer is not a listing at all.
/// </summary>
/// <param name="Zone">The DNS zone, lower case, or a rule name when the zone is unknown.</param>
/// <param name="Answer">The A record, e.g. 127.0.0.2, when the log line carries it.</param>
/// <param name="Rule">The Rspamd symbol or SpamAssassin rule, or null for Postfix.</param>
/// <param name="Score">The rule's score when the log line carries it.</param>
/// <param name="Error">Null for a listing; otherwise "open resolver", "excessive queries" or
/// "error answer".</param>
public sealed record BlocklistHit(string Zone, string? Answer, string? Rule, double? Score, string? Error);
