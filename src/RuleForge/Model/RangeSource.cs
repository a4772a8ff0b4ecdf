using System.Globalization;
using RuleForge.Net;

namespace RuleForge.Model;

/// <summary>One range as given, and where: "inline" or "feed efax-ranges row 3".</summary>
public sealed record RangeSource
{
    private readonly string? _origin;
    private readonly string? _feedId;
    private readonly int _row;

    /// <summary>A range with its origin in words.</summary>
    public RangeSource(IpNetwork network, string origin)
    {
        Network = network;
        _origin = origin;
    }

    private RangeSource(IpNetwork network, string feedId, int row)
    {
        Network = network;
        (_feedId, _row) = (feedId, row);
    }

    /// <summary>The range.</summary>
    public IpNetwork Network { get; init; }

    /// <summary>Where the range comes from, such as "inline" or "feed efax-ranges row 3".</summary>
    public string Origin => _origin ?? string.Create(CultureInfo.InvariantCulture, $"feed {_feedId} row {_row}");

    /// <summary>
    /// A range read from a feed row, with the origin "feed ID row N". Note: the words are made
    /// only when asked for, since a feed selection can keep millions of rows.
    /// </summary>
    public static RangeSource OfFeedRow(IpNetwork network, string feedId, int row) => new(network, feedId, row);

    /// <inheritdoc />
    public bool Equals(RangeSource? other) =>
        other is not null && Network == other.Network && Origin == other.Origin;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Network, Origin);
}
