namespace RuleForge.Pipeline;

/// <summary>
/// Install paths that generated files refer to when the policy does not name them; they come
/// from settings (file, environment, flags).
/// </summary>
public sealed record PolicyDefaults(
    string PostfixTableDirectory = "/etc/postfix/ruleforge",
    string RspamdMapDirectory = "${LOCAL_CONFDIR}/local.d/ruleforge",
    string SpamAssassinDirectory = "/etc/spamassassin");
