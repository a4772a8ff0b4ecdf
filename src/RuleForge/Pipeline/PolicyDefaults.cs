namespace RuleForge.Pipeline;

/// <summary>
/// Values used when the policy does not give them: install paths that generated files refer to,
/// and thresholds (a policy's own 'actions' block or required_score replaces these whole). They
/// come from settings (file, environment, flags).
/// </summary>
public sealed record PolicyDefaults(
    string PostfixTableDirectory = "/etc/postfix/ruleforge",
    string RspamdMapDirectory = "${LOCAL_CONFDIR}/local.d/ruleforge",
    string SpamAssassinDirectory = "/etc/spamassassin",
    double? Greylist = 4,
    double? AddHeader = 6,
    double Reject = 15,
    double RequiredScore = 5);
