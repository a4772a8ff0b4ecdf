using RuleForge.Net;

namespace RuleForge.Resolution.Lock;

/// <summary>What a lock run changed in one sender's SPF ranges.</summary>
/// <param name="SenderId">The sender.</param>
/// <param name="Added">Ranges now trusted that were not before (minimal cover).</param>
/// <param name="Removed">Ranges trusted before that no longer are (minimal cover).</param>
public sealed record SenderRangeChange(
    string SenderId, IReadOnlyList<IpNetwork> Added, IReadOnlyList<IpNetwork> Removed)
{
    /// <summary>True when nothing was added or removed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
