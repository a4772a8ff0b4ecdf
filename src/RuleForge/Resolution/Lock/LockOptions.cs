namespace RuleForge.Resolution.Lock;

/// <summary>How <see cref="PolicyLocker"/> treats what is already locked.</summary>
/// <param name="Refresh">Resolve every domain again, not only those not yet locked.</param>
/// <param name="MaxShrink">The largest share (0 to 1) of a sender's addresses of one family
/// that a refresh may remove.</param>
/// <param name="AllowShrink">Accept a refresh that removes more than <paramref name="MaxShrink"/>.</param>
public sealed record LockOptions(bool Refresh, double MaxShrink, bool AllowShrink)
{
    /// <summary>The default share: a fifth of a sender's addresses.</summary>
    public const double DefaultMaxShrink = 0.2;
}
