namespace RuleForge.Explanation;

/// <summary>
/// What one stage decided and why: e.g. target "postfix", stage "RCPT
/// (smtpd_recipient_restrictions)", decision "accept", reason "entry 4 check_client_access ... OK".
/// </summary>
public sealed record StageDecision(string Target, string Stage, string Decision, string Reason);
