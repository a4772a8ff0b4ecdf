namespace RuleForge.Diagnosis;

/// <summary>Where in the mail path a log line says a blocklist acted.</summary>
public enum LogStage
{
    Postscreen,
    Smtpd,
    Rspamd,
    SpamAssassin,
}
