using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RuleForge.Net;
using RuleForge.Planning;

namespace RuleForge.Diagnosis;

/// <summary>
/// Tells which content-filter symbols and rules report a blocklist, and which of them (or which
/// answers) are error answers rather than listings: the policy's own rules from its plans, plus
/// the stock Rspamd and SpamAssassin rules of the common blocklists.
/// </summary>
public sealed class BlocklistNames
{
    // Name prefixes of stock rules and the zone they query, longest first where they overlap.
    private static readonly (string Prefix, string Zone)[] Stock =
    [
        ("RBL_SPAMHAUS", "zen.spamhaus.org"),
        ("RECEIVED_SPAMHAUS", "zen.spamhaus.org"),
        ("SPAMHAUS_ZEN", "zen.spamhaus.org"),
        ("RBL_SPAMCOP", "bl.spamcop.net"),
        ("RBL_MAILSPIKE", "bl.mailspike.net"),
        ("RBL_SENDERSCORE", "bl.score.senderscore.com"),
        ("RBL_BLOCKLISTDE", "bl.blocklist.de"),
        ("RBL_SEM", "bl.spameatingmonkey.net"),
        ("RBL_NIXSPAM", "ix.dnsbl.manitu.net"),
        ("DBL_", "dbl.spamhaus.org"),
        ("RCVD_IN_ZEN", "zen.spamhaus.org"),
        ("RCVD_IN_SBL", "zen.spamhaus.org"),
        ("RCVD_IN_XBL", "zen.spamhaus.org"),
        ("RCVD_IN_PBL", "zen.spamhaus.org"),
        ("RCVD_IN_BL_SPAMCOP_NET", "bl.spamcop.net"),
        ("RCVD_IN_MSPIKE_BL", "bl.mailspike.net"),
        ("RCVD_IN_PSBL", "psbl.surriel.com"),
        ("RCVD_IN_SORBS", "dnsbl.sorbs.net"),
        ("URIBL_DBL", "dbl.spamhaus.org"),
        ("URIBL_BLOCKED", "multi.uribl.com"),
    ];

    private readonly Dictionary<string, string> _planned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _plannedNames;
    private readonly List<(string Zone, string Dotted)> _zones;
    // Note: read by several parsing threads at once (see LogDiagnoser), hence concurrent.
    private readonly ConcurrentDictionary<string, string?> _stock = new(StringComparer.Ordinal);

    /// <summary>Names from the plan: every RuleForge rbl symbol and SpamAssassin blocklist rule.</summary>
    public BlocklistNames(BuildPlan plan)
    {
        var zoneOf = plan.Policy.Blocklists.ToDictionary(b => b.Id, b => b.Zone, StringComparer.Ordinal);
        foreach (var b in plan.Rspamd?.Blocklists ?? [])
        {
            _planned[b.ListedSymbol] = b.Zone;
            _planned[b.Symbol] = b.Zone;
        }

        foreach (var b in plan.SpamAssassin?.Scoring.Blocklists ?? [])
        {
            if (zoneOf.TryGetValue(b.BlocklistId, out var zone))
            {
                _planned[b.RuleName] = zone;
            }
        }

        _plannedNames = _planned.GetAlternateLookup<ReadOnlySpan<char>>();
        _zones = [.. plan.Policy.Blocklists.Select(b => (b.Zone, "." + b.Zone)).OrderByDescending(z => z.Zone.Length)];
    }

    /// <summary>
    /// The blocklist a content symbol reports, or null when it is not a blocklist rule. Options in
    /// Rspamd's "1.2.0.192.zen.spamhaus.org : 127.0.0.2" form give the zone and the answer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BlocklistHit? Classify(ContentSymbol symbol)
    {
        string? zone = _planned.TryGetValue(symbol.Name, out var planned) ? planned : null;
        string? answer = null;
        foreach (var option in symbol.Options)
        {
            var sep = option.IndexOf(" : ", StringComparison.Ordinal);
            if (sep > 0 && option[(sep + 3)..].StartsWith("127.", StringComparison.Ordinal))
            {
                answer = option[(sep + 3)..];
                zone ??= ZoneOfQuery(option[..sep]);
                break;
            }
        }

        zone ??= StockZone(symbol.Name);
        if (zone is null)
        {
            return null;
        }

        var error = answer is not null ? ErrorOfAnswer(answer) : ErrorOfName(symbol.Name);
        return new BlocklistHit(zone, answer, symbol.Name, symbol.Score, error);
    }

    /// <summary>
    /// False when <see cref="Classify"/> is sure to find no blocklist in the symbol: its name is no
    /// rule of the policy nor of a stock blocklist, and no option carries an answer. Reads spans, so
    /// a line's other symbols cost no allocation.
    /// </summary>
    public bool MayName(ReadOnlySpan<char> name, ReadOnlySpan<char> options)
    {
        if (options.Contains(" : 127.", StringComparison.Ordinal) || _plannedNames.ContainsKey(name))
        {
            return true;
        }

        foreach (var (prefix, _) in Stock)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"open resolver", "excessive queries" or "error answer" for 127.255.255.0/24, else null.</summary>
    public static string? ErrorOfAnswer(string answer)
    {
        // Most answers are plain listings: tell them apart without parsing.
        if (answer.StartsWith("127.", StringComparison.Ordinal) && answer.Length <= 15
            && !answer.StartsWith("127.255.255.", StringComparison.Ordinal))
        {
            return null;
        }

        if (!IpNetwork.TryParseAddress(answer, out var family, out var value) || family != IpFamily.V4)
        {
            return "error answer";
        }

        return ErrorOfAnswer((uint)value);
    }

    /// <summary>The error kind of a 32-bit answer, or null for a possible listing.</summary>
    public static string? ErrorOfAnswer(uint answer) => answer switch
    {
        0x7FFFFFFE => "open resolver",
        0x7FFFFFFF => "excessive queries",
        _ when (answer & 0xFFFFFF00) == 0x7FFFFF00 => "error answer",
        _ when (answer >> 24) != 127 => "error answer",
        _ => null,
    };

    /// <summary>The error kind that a blocklist's reply text in a reject line reveals, or null.</summary>
    public static string? ErrorOfText(string text)
    {
        if (text.Contains("open resolver", StringComparison.OrdinalIgnoreCase)
            || text.Contains("returnc/pub", StringComparison.Ordinal))
        {
            return "open resolver";
        }

        return text.Contains("excessive", StringComparison.OrdinalIgnoreCase)
            || text.Contains("returnc/vol", StringComparison.Ordinal)
            ? "excessive queries"
            : null;
    }

    /// <summary>The answer an error kind stands for, for explain: .254, .255 or .254 when unknown.</summary>
    public static uint AnswerOfError(string error) => error == "excessive queries" ? 0x7FFFFFFFu : 0x7FFFFFFEu;

    private string? StockZone(string name)
    {
        if (_stock.TryGetValue(name, out var known))
        {
            return known;
        }

        string? zone = null;
        foreach (var (prefix, z) in Stock)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                zone = z;
                break;
            }
        }

        // Note: symbol names are few (a few hundred in a stock install); the cap only guards odd input.
        if (_stock.Count < 4096)
        {
            _stock[name] = zone;
        }

        return zone;
    }

    private static string? ErrorOfName(string name)
    {
        if (name.Contains("OPENRESOLVER", StringComparison.Ordinal)
            || name.Contains("OPENDNS", StringComparison.Ordinal))
        {
            return "open resolver";
        }

        if (!name.Contains("BLOCKED", StringComparison.Ordinal))
        {
            return null;
        }

        return name.Contains("SPAMHAUS", StringComparison.Ordinal) || name.Contains("ZEN", StringComparison.Ordinal)
            ? "excessive queries"
            : "error answer";
    }

    private string ZoneOfQuery(string query)
    {
        query = query.Trim().TrimEnd('.');
        foreach (var (zone, dotted) in _zones)
        {
            if (query.EndsWith(dotted, StringComparison.OrdinalIgnoreCase))
            {
                return zone;
            }
        }

        query = query.ToLowerInvariant();

        // Strip the reversed address: four decimal labels (IPv4) or hex nibbles (IPv6).
        var labels = query.Split('.');
        var skip = labels.Length > 4 && labels.Take(4).All(l => l.Length is > 0 and <= 3 && l.All(char.IsAsciiDigit))
            ? 4
            : labels.TakeWhile(l => l.Length == 1 && char.IsAsciiHexDigit(l[0])).Count();
        return string.Join('.', labels.Skip(skip));
    }
}
