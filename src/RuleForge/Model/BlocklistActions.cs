namespace RuleForge.Model;

/// <summary>
/// Where a blocklist acts. Null members mean "off" in that place.
/// </summary>
/// <param name="PostscreenWeight">Weight in postscreen's DNSBL score.</param>
/// <param name="SmtpdReject">True when Postfix smtpd rejects listed clients or senders.</param>
/// <param name="RspamdScore">Score of the Rspamd symbol.</param>
/// <param name="SpamAssassinScore">Score of the SpamAssassin rule.</param>
public sealed record BlocklistActions(
    int? PostscreenWeight,
    bool SmtpdReject,
    double? RspamdScore,
    double? SpamAssassinScore);
