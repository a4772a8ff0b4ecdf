using RuleForge.Net;

namespace RuleForge.Resolution;

/// <summary>
/// One CIDR of a kept feed row, parsed once as it is read: the network, or, when the text does
/// not parse or has host bits set, the text as the feed wrote it in <see cref="Bad"/> (reported,
/// never guessed at).
/// </summary>
/// <param name="Row">The 1-based row the CIDR came from.</param>
public readonly record struct FeedCidr(int Row, IpNetwork Network, string? Bad)
{
    /// <summary>Parses a feed's CIDR text (white space around it is ignored).</summary>
    public static FeedCidr Of(int row, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IpNetwork.TryParse(text.Trim(), out var network, out var hostBits) && !hostBits
            ? new FeedCidr(row, network, null)
            : new FeedCidr(row, default, text);
    }
}
