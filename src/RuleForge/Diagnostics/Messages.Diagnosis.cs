namespace RuleForge.Diagnostics;

/// <summary>Message texts of log diagnosis (RF18xx).</summary>
public static partial class Messages
{
    public static readonly MessageTemplate LogUnreadable = new(
        "RF1801", E,
        "cannot read the log '{0}': {1}",
        "Check the path and the permissions; give '-' to read standard input.");
    public static readonly MessageTemplate LogBadGzip = new(
        "RF1802", E,
        "the log '{0}' starts like gzip but does not decompress: {1}",
        "Check that the file is complete ('gzip -t'); a log still being compressed is cut short.");
    public static readonly MessageTemplate LogErrorAnswers = new(
        "RF1810", W,
        "{0} gave {1} error answers ({2}), {3} of them with a rejection or spam verdict: these are not listings",
        "An error answer comes for every address while it lasts, so a check that counts any answer as listed " +
        "blocks everyone. Query {0} through a resolver of your own (not a public one) or its paid service, and " +
        "accept only its listing codes, as RuleForge's output does.");
    public static readonly MessageTemplate LogTrustedBlocked = new(
        "RF1811", W,
        "trusted sender '{0}' was blocked {1} times by {2} at {3}",
        "With the policy's output installed: {4}. 'ruleforge explain' with the message's details shows each stage.");
    public static readonly MessageTemplate LogLinesSkipped = new(
        "RF1812", W,
        "{0} lines could not be read (no syslog or Rspamd prefix, cut short, or over 64 KiB) and were skipped",
        "Check that the input is a mail log; diagnose reads classic and RFC 3339 syslog lines and Rspamd's log.");
}
