namespace RuleForge.Resolution;

/// <summary>What one sender's selection from one feed kept, step by step.</summary>
/// <param name="RowsKeptByCondition">Rows left after each condition, in order, e.g. "service = fax-smtp".</param>
public sealed record SelectionReport(
    string SenderId,
    string FeedId,
    int RowsRead,
    IReadOnlyList<(string Condition, int RowsLeft)> RowsKeptByCondition,
    int CidrsBefore,
    int CidrsAfter,
    string AddressesIpv4,
    string AddressesIpv6);
