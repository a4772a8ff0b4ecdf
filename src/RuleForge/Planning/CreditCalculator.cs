using RuleForge.Model;

namespace RuleForge.Planning;

/// <summary>
/// Computes a sender's credit per content target: the policy's fixed value, or for
/// "outrank" the worst case (every blocklist at its score) plus the margin, rounded up.
/// </summary>
public static class CreditCalculator
{
    /// <summary>Sum of every blocklist's score in a content target plus the policy margin.</summary>
    public static double WorstCase(Policy policy, Func<BlocklistActions, double?> score) =>
        policy.Blocklists.Sum(b => score(b.Act) ?? 0) + policy.Margin;

    /// <summary>The credit magnitude a sender gets in a content target.</summary>
    public static double Credit(Policy policy, TrustedSender sender, Func<BlocklistActions, double?> score) =>
        sender.Credit.Fixed ?? Math.Max(1, Math.Ceiling(WorstCase(policy, score)));
}
