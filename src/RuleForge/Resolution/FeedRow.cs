using RuleForge.Net;

namespace RuleForge.Resolution;

/// <summary>
/// One row of a feed: its 1-based position, its filterable fields (an array field holds
/// several values) and the CIDR texts it carries.
/// </summary>
public sealed record FeedRow(
    int Number, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<string> Cidrs)
{
    /// <summary>
    /// The networks of the rows; a CIDR that does not parse or has host bits set is handed to
    /// <paramref name="bad"/> and never guessed at.
    /// </summary>
    public static List<IpNetwork> Networks(IEnumerable<FeedRow> rows, Action<FeedRow, string> bad)
    {
        var networks = new List<IpNetwork>();
        foreach (var row in rows)
        {
            foreach (var cidr in row.Cidrs)
            {
                if (IpNetwork.TryParse(cidr.Trim(), out var network, out var hostBits) && !hostBits)
                {
                    networks.Add(network);
                }
                else
                {
                    bad(row, cidr);
                }
            }
        }

        return networks;
    }
}
