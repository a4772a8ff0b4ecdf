using RuleForge.Diagnostics;
using RuleForge.Explanation;

namespace RuleForge.Diagnosis;

/// <summary>
/// A rejection or spam verdict that a log line attributes to one or more blocklists, with what
/// the log (and lines correlated with it) tells about the message.
/// </summary>
/// <param name="Location">Where the line is: file:line.</param>
/// <param name="Time">The line's timestamp as written.</param>
/// <param name="ClientIp">The connecting client, when known.</param>
/// <param name="EnvelopeFrom">MAIL FROM, when known ("" for the null sender).</param>
/// <param name="Recipient">RCPT TO, when known.</param>
/// <param name="Verdict">The reply or verdict, e.g. "554 5.7.1", "reject 16.50/15.00", "spam 12.3/5.0".</param>
/// <param name="Score">The content filter's total score, when known.</param>
/// <param name="Required">The content filter's threshold shown with the score, when known.</param>
public sealed record BlockEvent(
    LogStage Stage,
    SourceLocation Location,
    string Time,
    string? ClientIp,
    string? EnvelopeFrom,
    string? Recipient,
    string? MessageId,
    string Verdict,
    double? Score,
    double? Required,
    IReadOnlyList<BlocklistHit> Hits,
    AuthResult Spf = AuthResult.None,
    AuthResult Dkim = AuthResult.None,
    string? DkimDomain = null,
    AuthResult Dmarc = AuthResult.None);
