using RuleForge.Net;

namespace RuleForge.Resolution.Lock;

/// <summary>A selected range of a pinned feed and the 1-based row it came from.</summary>
public sealed record LockedFeedRange(IpNetwork Network, int Row);
