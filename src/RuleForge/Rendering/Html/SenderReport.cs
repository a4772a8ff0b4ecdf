using RuleForge.Model;

namespace RuleForge.Rendering.Html;

/// <summary>One trusted sender's part of the HTML report.</summary>
/// <param name="Sender">The sender as the policy defines it.</param>
/// <param name="Targets">One section per enabled target: postfix, rspamd, spamassassin.</param>
/// <param name="Ranges">Every input range with the kind and text of its provenance.</param>
public sealed record SenderReport(
    TrustedSender Sender,
    IReadOnlyList<TargetReport> Targets,
    IReadOnlyList<RangeRow> Ranges);
