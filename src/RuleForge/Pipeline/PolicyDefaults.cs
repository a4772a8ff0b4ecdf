namespace RuleForge.Pipeline;

/// <summary>
/// Values used when the policy does not give them: install paths that generated files refer to,
/// and thresholds (a policy's own 'actions' block or required_score replaces these whole). They
/// come from settings (file, environment, flags). <see cref="MaxSenders"/> bounds the build: every
/// sender costs a few generated files and a section of each report.
/// </summary>
public sealed record PolicyDefaults(
    string PostfixTableDirectory = "/etc/postfix/ruleforge",
    string RspamdMapDirectory = "${LOCAL_CONFDIR}/local.d/ruleforge",
    string SpamAssassinDirectory = "/etc/spamassassin",
    double? Greylist = 4,
    double? AddHeader = 6,
    double Reject = 15,
    double RequiredScore = 5,
    int MaxSenders = PolicyDefaults.DefaultMaxSenders)
{
    /// <summary>The most senders a policy may list unless the Policy:MaxSenders setting says otherwise.</summary>
    public const int DefaultMaxSenders = 5000;
}
