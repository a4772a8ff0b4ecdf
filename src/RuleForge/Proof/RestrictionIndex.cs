using RuleForge.Planning;

namespace RuleForge.Proof;

/// <summary>
/// Where in one restriction list each blocklist first acts and each sender's trust check first
/// stands, looked up by id. Built in one pass over the list, so proving S senders against a list
/// of about S entries costs about S steps, not S squared.
/// </summary>
internal sealed class RestrictionIndex
{
    private readonly Dictionary<string, int> _firstBlocklist = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _firstTrust = new(StringComparer.Ordinal);

    public RestrictionIndex(RestrictionList list)
    {
        List = list;
        for (var i = 0; i < list.Entries.Count; i++)
        {
            var entry = list.Entries[i];
            if (entry.BlocklistId is { } blocklist)
            {
                _firstBlocklist.TryAdd(blocklist, i);
            }

            if (entry is { Kind: RestrictionKind.TrustClient, SenderId: { } sender })
            {
                _firstTrust.TryAdd(sender, i);
            }
        }
    }

    /// <summary>The list this index was built from.</summary>
    public RestrictionList List { get; }

    /// <summary>The 0-based position of the first entry for the blocklist, or -1.</summary>
    public int FirstBlocklistEntry(string blocklistId) =>
        _firstBlocklist.TryGetValue(blocklistId, out var i) ? i : -1;

    /// <summary>The 0-based position of the sender's first trust check, or -1.</summary>
    public int FirstTrustEntry(string senderId) => _firstTrust.TryGetValue(senderId, out var i) ? i : -1;
}
