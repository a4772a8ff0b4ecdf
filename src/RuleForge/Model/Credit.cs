namespace RuleForge.Model;

/// <summary>
/// The weight of trust in the content filters, as a positive magnitude; RuleForge renders it
/// negative. <see cref="Outrank"/> asks the proof to compute the smallest credit that wins.
/// </summary>
public sealed record Credit(double? Fixed)
{
    /// <summary>"enough to outrank": computed per target from the worst case plus margin.</summary>
    public static Credit Outrank { get; } = new((double?)null);

    /// <summary>True when the proof computes the value.</summary>
    public bool IsOutrank => Fixed is null;
}
