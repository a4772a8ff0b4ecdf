namespace RuleForge.Live;

/// <summary>
/// DNS records of a sender domain for the run: SPF TXT (or null), whether the run's DKIM key is
/// published (selector "rf"), the DMARC TXT (or null), and an A record (Mail::DMARC needs one).
/// </summary>
public sealed record DomainRecords(string Domain, string? Spf, bool PublishDkimKey, string? Dmarc, string ARecord);
