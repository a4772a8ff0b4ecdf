namespace RuleForge.Live;

/// <summary>
/// What the real daemons did with one scenario. Null members mean "not observed" (that target
/// is not in the tree, or the message never reached it).
/// </summary>
/// <param name="PostscreenCode">SMTP reply to RCPT TO through postscreen (PROXY protocol): 250 or 550.</param>
/// <param name="SmtpdCode">SMTP reply to RCPT TO through smtpd alone (XCLIENT): 250 or 554.</param>
/// <param name="Delivered">True when the message sent through postscreen, smtpd and the Rspamd
/// milter landed in the test mailbox.</param>
/// <param name="RspamdAction">Rspamd's action, e.g. "no action", "add header", "reject".</param>
/// <param name="RspamdScore">Rspamd's total score.</param>
/// <param name="RspamdSymbols">Every symbol Rspamd reported, with its score.</param>
/// <param name="SpamAssassinScore">SpamAssassin's total score.</param>
/// <param name="SpamAssassinIsSpam">SpamAssassin's verdict (spamc -c).</param>
/// <param name="SpamAssassinRules">Every rule SpamAssassin reported, with its score.</param>
public sealed record Observation(
    string Scenario,
    int? PostscreenCode,
    int? SmtpdCode,
    bool? Delivered,
    string? RspamdAction,
    double? RspamdScore,
    IReadOnlyDictionary<string, double>? RspamdSymbols,
    double? SpamAssassinScore,
    bool? SpamAssassinIsSpam,
    IReadOnlyDictionary<string, double>? SpamAssassinRules);
