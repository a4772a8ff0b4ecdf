using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>What diagnose found in the logs.</summary>
/// <param name="Lines">Lines read.</param>
/// <param name="Events">Lines recognised as one of the kinds diagnose reads.</param>
/// <param name="Skipped">Lines that could not be read (no known prefix, cut short, too long).</param>
/// <param name="BlocklistRejections">Rejections and spam verdicts with at least one real listing.</param>
/// <param name="TrustedBlocked">Of those (and of error-answer blocks), the ones from trusted senders.</param>
/// <param name="ErrorAnswers">Lines that show a blocklist error answer.</param>
/// <param name="TrustedOmitted">Trusted blocks counted but not listed (the list is capped).</param>
/// <param name="Warnings">Error answers and trusted blocks as diagnostics, with the first line's position.</param>
public sealed record DiagnosisReport(
    long Lines,
    long Events,
    long Skipped,
    long BlocklistRejections,
    long TrustedBlocked,
    long ErrorAnswers,
    IReadOnlyList<BlocklistGroup> Groups,
    IReadOnlyList<TrustedBlock> Trusted,
    long TrustedOmitted,
    IReadOnlyList<ErrorAnswerGroup> Errors,
    IReadOnlyList<Diagnostic> Warnings);
