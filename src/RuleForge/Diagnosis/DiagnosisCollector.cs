using System.Runtime.CompilerServices;
using System.Text;
using RuleForge.Diagnostics;
using RuleForge.Explanation;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Planning;

namespace RuleForge.Diagnosis;

/// <summary>
/// Counts and groups what the scanner finds, matches blocked messages against the policy's
/// trusted senders and asks explain what the policy would do with each. Memory is bounded: groups
/// per blocklist and stage, a few examples each, and a capped list of trusted blocks.
/// </summary>
public sealed class DiagnosisCollector
{
    /// <summary>Trusted blocks listed in full; later ones are only counted.</summary>
    public const int MaxTrusted = 1000;

    private const int MaxGroups = 1000;

    private readonly BuildPlan _plan;
    private readonly TrustMatcher _trust;
    private readonly Dictionary<string, Blocklist> _byZone;
    private readonly Dictionary<(string Zone, LogStage Stage), GroupTally> _groups = [];

    // Note: the same tallies by stage, then zone (ordinal string keys hash fast): the lookup per event.
    private readonly Dictionary<string, GroupTally>[] _groupsByStage =
        [.. Enum.GetValues<LogStage>().Select(_ => new Dictionary<string, GroupTally>(StringComparer.Ordinal))];
    private readonly Dictionary<(string Zone, LogStage Stage, string Kind, string? Answer), ErrorTally> _errors = [];
    private readonly List<TrustedBlock> _trusted = [];
    private readonly BoundedCache<string, Explanation.Explanation> _explained = new(4096, StringComparer.Ordinal);
    private readonly List<(string Zone, uint Answer)> _listings = [];
    private readonly StringBuilder _key = new();
    private long _rejections;
    private long _trustedCount;
    private long _errorCount;

    /// <summary>A collector for a planned policy.</summary>
    public DiagnosisCollector(BuildPlan plan)
    {
        _plan = plan;
        _trust = new TrustMatcher(plan.Policy);
        _byZone = plan.Policy.Blocklists
            .GroupBy(b => b.Zone, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>A rejection or spam verdict that names at least one blocklist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Block(BlockEvent e)
    {
        var real = false;
        foreach (var hit in e.Hits)
        {
            if (hit.Error is null)
            {
                real = true;
            }
            else
            {
                Error(e.Stage, hit, e.Location, e.Time, blocked: true);
            }
        }

        var hasIp = IpNetwork.TryParseAddress(e.ClientIp ?? "", out var family, out var address);
        var match = _trust.Match(e, hasIp, family, address);
        // Note: a trusted block that will be listed shows explain's reasons, which name the client; past
        // the list's cap only the fate is kept, and that is the same for every client of a range class.
        var listed = match is not null && _trusted.Count < MaxTrusted;
        var explanation = hasIp ? Explain(e, family, address, listed) : null;
        var fate = explanation?.Fate ?? "not explained: the log does not show the client IP";
        if (real)
        {
            _rejections++;
            for (var i = 0; i < e.Hits.Count; i++)
            {
                var zone = e.Hits[i].Zone;
                if (e.Hits[i].Error is null && !e.Hits.Take(i).Any(h => h.Error is null && h.Zone == zone))
                {
                    Group(zone, e, fate);
                }
            }
        }

        if (match is { } m)
        {
            _trustedCount++;
            if (_trusted.Count < MaxTrusted)
            {
                _trusted.Add(new TrustedBlock(m.Sender.Id, m.MatchedBy, e, explanation, fate));
            }
        }
    }

    /// <summary>An error answer seen without a rejection (dnsblog, a content filter that did not act).</summary>
    public void ErrorSeen(LogStage stage, BlocklistHit hit, SourceLocation location, string time) =>
        Error(stage, hit, location, time, blocked: false);

    /// <summary>The report, with warnings for error answers and trusted blocks.</summary>
    public DiagnosisReport Report(long lines, long events, long skipped)
    {
        var groups = _groups
            .Select(g => new BlocklistGroup(g.Key.Zone, _byZone.GetValueOrDefault(g.Key.Zone)?.Id, g.Key.Stage,
                g.Value.Count, g.Value.FirstSeen, g.Value.FirstLocation, g.Value.LastSeen, g.Value.Examples,
                [.. g.Value.Fates.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)]))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Zone, StringComparer.Ordinal).ThenBy(g => g.Stage)
            .ToList();
        var errors = _errors
            .Select(e => new ErrorAnswerGroup(e.Key.Zone, e.Key.Stage, e.Key.Kind, e.Key.Answer, e.Value.Count,
                e.Value.Blocked, e.Value.FirstSeen, e.Value.FirstLocation, e.Value.LastSeen))
            .OrderBy(e => e.Zone, StringComparer.Ordinal).ThenBy(e => e.Stage)
            .ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Answer, StringComparer.Ordinal)
            .ToList();
        return new DiagnosisReport(lines, events, skipped, _rejections, _trustedCount, _errorCount, groups,
            _trusted, _trustedCount - _trusted.Count, errors, Warnings(errors, skipped));
    }

    private List<Diagnostic> Warnings(List<ErrorAnswerGroup> errors, long skipped)
    {
        var warnings = new List<Diagnostic>();
        foreach (var zone in errors.GroupBy(e => e.Zone, StringComparer.Ordinal))
        {
            var first = zone.MinBy(e => (e.FirstLocation.File, e.FirstLocation.Line))!;
            var kinds = string.Join(", ", zone.Select(e => e.Kind).Distinct(StringComparer.Ordinal));
            warnings.Add(Messages.LogErrorAnswers.At(first.FirstLocation, zone.Key, zone.Sum(e => e.Count), kinds,
                zone.Sum(e => e.Blocked)));
        }

        foreach (var t in _trusted.GroupBy(t => (t.SenderId, t.Event.Stage,
                     Zones: string.Join(", ", t.Event.Hits.Select(h => h.Zone).Distinct(StringComparer.Ordinal)))))
        {
            var first = t.First();
            warnings.Add(Messages.LogTrustedBlocked.At(first.Event.Location, t.Key.SenderId, t.Count(), t.Key.Zones,
                Stage(t.Key.Stage), first.Fate));
        }

        if (skipped > 0)
        {
            warnings.Add(Messages.LogLinesSkipped.At(SourceLocation.OfFile("diagnose"), skipped));
        }

        return warnings;
    }

    /// <summary>The stage as the report prints it.</summary>
    public static string Stage(LogStage stage) => stage switch
    {
        LogStage.Postscreen => "postscreen",
        LogStage.Smtpd => "smtpd",
        LogStage.Rspamd => "rspamd",
        _ => "spamassassin",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Group(string zone, BlockEvent e, string fate)
    {
        var byZone = _groupsByStage[(int)e.Stage];
        if (!byZone.TryGetValue(zone, out var tally))
        {
            if (_groups.Count >= MaxGroups)
            {
                return;
            }

            tally = new GroupTally(e.Time, e.Location);
            _groups[(zone, e.Stage)] = tally;
            byZone[zone] = tally;
        }

        tally.Count++;
        tally.LastSeen = e.Time;
        if (tally.Examples.Count < GroupTally.MaxExamples)
        {
            tally.Examples.Add(e);
        }

        tally.AddFate(fate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Error(LogStage stage, BlocklistHit hit, SourceLocation location, string time, bool blocked)
    {
        _errorCount++;
        var key = (hit.Zone, stage, hit.Error!, hit.Answer);
        if (!_errors.TryGetValue(key, out var tally))
        {
            if (_errors.Count >= MaxGroups)
            {
                return;
            }

            tally = new ErrorTally(time, location);
            _errors[key] = tally;
        }

        tally.Count++;
        tally.LastSeen = time;
        tally.Blocked += blocked ? 1 : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Explanation.Explanation Explain(BlockEvent e, IpFamily family, UInt128 address, bool byAddress)
    {
        // The zones of the policy the hits name and the answer each gives; a later hit of a zone wins.
        var listings = _listings;
        listings.Clear();
        foreach (var hit in e.Hits)
        {
            if (!_byZone.TryGetValue(hit.Zone, out var list))
            {
                continue;
            }

            // Note: the policy queries its zones itself; an error answer stays an error answer, and a
            // listing whose code the log does not show is taken as the list's first listing code.
            var answer = AnswerOf(hit, list);
            var at = listings.FindIndex(l => l.Zone == hit.Zone);
            if (at >= 0)
            {
                listings[at] = (hit.Zone, answer);
            }
            else
            {
                listings.Add((hit.Zone, answer));
            }
        }

        if (listings.Count > 1)
        {
            listings.Sort((x, y) => string.CompareOrdinal(x.Zone, y.Zone));
        }

        // Note: a log repeats clients, senders and answers; what explain decides depends on the client
        // only through the trusted ranges that hold it, so messages alike in that are explained once.
        // A trusted sender's block is listed with its reasons, which name the client: keyed by address.
        var from = e.EnvelopeFrom ?? "";
        var key = _key.Clear();
        if (byAddress)
        {
            key.Append(IpNetwork.FormatAddress(family, address)).Append('|').Append(from);
        }
        else
        {
            _trust.AppendRangeClass(key, family, address);
            AppendDomain(key.Append('|'), from);
        }

        key.Append('|').Append((int)e.Spf).Append((int)e.Dkim).Append((int)e.Dmarc).Append('|').Append(e.DkimDomain);
        foreach (var (zone, answer) in listings)
        {
            key.Append('|').Append(zone).Append('=').Append(answer);
        }

        var text = key.ToString();
        if (!_explained.TryGet(text, out var explanation))
        {
            // The listings in the order the hits name them, as the line shows them.
            var byZone = new Dictionary<string, uint>(StringComparer.Ordinal);
            foreach (var hit in e.Hits)
            {
                if (_byZone.TryGetValue(hit.Zone, out var list))
                {
                    byZone[hit.Zone] = AnswerOf(hit, list);
                }
            }

            var facts = new MessageFacts(family, address, from, from, e.Spf, e.Dkim, e.DkimDomain, e.Dmarc, byZone);
            explanation = Explainer.Explain(_plan, facts);
            _explained.Set(text, explanation);
        }

        return explanation;
    }

    private static uint AnswerOf(BlocklistHit hit, Blocklist list) =>
        hit.Answer is { } a && IpNetwork.TryParseAddress(a, out var f, out var v) && f == IpFamily.V4
            ? (uint)v
            : hit.Error is { } kind ? BlocklistNames.AnswerOfError(kind) : list.ListingCodes[0].First;

    /// <summary>Appends what <see cref="MessageFacts.DomainOf"/> gives, without making the string.</summary>
    private static void AppendDomain(StringBuilder key, string address)
    {
        var at = address.LastIndexOf('@');
        var domain = (at < 0 ? default : address.AsSpan(at + 1)).Trim("> ");
        Span<char> lower = domain.Length <= 256 ? stackalloc char[domain.Length] : new char[domain.Length];
        domain.ToLowerInvariant(lower);
        key.Append(lower);
    }
}
