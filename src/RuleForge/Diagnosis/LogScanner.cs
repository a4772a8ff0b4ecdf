using System.Runtime.CompilerServices;
using System.Text;
using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>
/// The stateful half of diagnose: applies parsed blocks (see <see cref="LineParser"/>), in the order
/// they were read, to the correlation state and hands blocklist rejections, spam verdicts and error
/// answers to a <see cref="DiagnosisCollector"/>. Correlation state (queue ids, message ids, spamd
/// pids, dnsblog answers, postscreen ranks) lives in bounded LRU caches.
/// </summary>
internal sealed partial class LogScanner
{
    private const int CacheSize = 20_000;

    private readonly DiagnosisCollector _collector;
    private readonly BoundedCache<LogKey, LogKey> _queueClient = new(CacheSize);
    private readonly BoundedCache<LogKey, LogKey> _queueFrom = new(CacheSize);
    private readonly BoundedCache<LogKey, LogKey> _midQueue = new(CacheSize);
    private readonly BoundedCache<LogKey, LogKey> _spamdMid = new(CacheSize);
    private readonly BoundedCache<LogKey, (double Score, double Required)> _spamdScore = new(CacheSize);
    private readonly BoundedCache<LogKey, List<(string Zone, string Answer)>> _dnsblog = new(CacheSize);
    private readonly BoundedCache<LogKey, PendingRank> _ranks = new(CacheSize);
    private string _file = "-";
    private byte[] _buffer = [];
    private long _lineBase;
    private int _line;

    /// <summary>A scanner that reports to the collector.</summary>
    public LogScanner(DiagnosisCollector collector)
    {
        _collector = collector;
    }

    /// <summary>Lines read, over every input.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines of a kind diagnose reads (see the README), over every input.</summary>
    public long Events { get; private set; }

    /// <summary>Lines that could not be read: no known prefix, cut short, or too long.</summary>
    public long Skipped { get; private set; }

    /// <summary>Starts a new input: locations name this file, counted from line 1.</summary>
    public void BeginFile(string displayName)
    {
        _file = displayName;
        _lineBase = 0;
    }

    /// <summary>Applies the next block of the current input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ScanBlock block)
    {
        Lines += block.Lines;
        Events += block.Events;
        Skipped += block.Skipped;
        _buffer = block.Source?.Buffer ?? [];
        foreach (ref readonly var item in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(block.Items))
        {
            _line = (int)Math.Min(_lineBase + item.Line, int.MaxValue);
            Apply(item);
        }

        _buffer = [];
        _lineBase += block.Lines;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Apply(in ScanItem item)
    {
        switch (item.Kind)
        {
            case ScanKind.Reject:
                Reject(item);
                break;
            case ScanKind.QueueClient:
                _queueClient.Set(item.Key, item.Value);
                break;
            case ScanKind.Rank:
                _ranks.Set(item.Key, new PendingRank(item.Rank, Here(), Time(item)));
                break;
            case ScanKind.Pass:
                if (_ranks.Count > 0)
                {
                    _ranks.Remove(item.Key);
                }

                break;
            case ScanKind.Disconnect:
                if (_ranks.Count > 0)
                {
                    Disconnect(item.Key);
                }

                break;
            case ScanKind.Dnsblog:
                Dnsblog(item);
                break;
            case ScanKind.MessageQueue:
                _midQueue.Set(item.Key, item.Value);
                break;
            case ScanKind.QueueFrom:
                _queueFrom.Set(item.Key, item.Value);
                break;
            case ScanKind.Rspamd:
                Rspamd(item);
                break;
            case ScanKind.SpamdMessage:
                _spamdMid.Set(item.Key, item.Value);
                break;
            case ScanKind.SpamdScore:
                _spamdScore.Set(item.Key, (item.Score, item.Required));
                break;
            case ScanKind.SpamdResult:
                SpamdResult(item);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Disconnect(LogKey ip)
    {
        // A rank over the threshold that no reject line followed: postscreen's "drop" action.
        // Limitation: the threshold is the policy's; without a postscreen target, drops are not seen.
        if (!_ranks.TryGet(ip, out var pending))
        {
            return;
        }

        _ranks.Remove(ip);
        var hits = _dnsblog.TryGet(ip, out var answers)
            ? answers
                .Select(a => new BlocklistHit(a.Zone, a.Answer, null, null, BlocklistNames.ErrorOfAnswer(a.Answer)))
                .ToList()
            : [];
        if (hits.Count > 0)
        {
            _collector.Block(new BlockEvent(LogStage.Postscreen, pending.Location, pending.Time, ip.ToString(), null,
                null, null,
                $"dropped, DNSBL rank {pending.Rank}", null, null, hits));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Reject(in ScanItem item)
    {
        var r = (DnsblReject)item.Detail!;
        string? answer = null;
        if (_dnsblog.TryGet(item.Key, out var answers))
        {
            answer = answers.FirstOrDefault(a => a.Zone == r.Zone).Answer;
        }

        if (item.Stage == LogStage.Postscreen)
        {
            _ranks.Remove(item.Key);
        }

        var error = BlocklistNames.ErrorOfText(r.Text)
            ?? (answer is null ? null : BlocklistNames.ErrorOfAnswer(answer));
        var hit = new BlocklistHit(r.Zone, answer, null, null, error);
        _collector.Block(new BlockEvent(item.Stage, Here(), Time(item), r.ClientIp, r.From, r.To, null,
            r.Subject == "client" ? r.Reply : $"{r.Reply} ({r.Subject})", null, null, [hit]));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dnsblog(in ScanItem item)
    {
        var (_, zone, answer) = (DnsblogAnswer)item.Detail!;
        if (!_dnsblog.TryGet(item.Key, out var list))
        {
            list = [];
            _dnsblog.Set(item.Key, list);
        }

        if (list.Count < 8 && !list.Contains((zone, answer)))
        {
            list.Add((zone, answer));
        }

        if (BlocklistNames.ErrorOfAnswer(answer) is { } error)
        {
            _collector.ErrorSeen(LogStage.Postscreen, new BlocklistHit(zone, answer, null, null, error), Here(),
                Time(item));
        }
    }

    private static string? Lookup(BoundedCache<LogKey, LogKey> cache, string? key) =>
        key is not null ? Lookup(cache, LogKey.From(key)) : null;

    private static string? Lookup(BoundedCache<LogKey, LogKey> cache, LogKey key) =>
        cache.TryGet(key, out var value) ? value.ToString() : null;

    private static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : address![(at + 1)..].ToLowerInvariant();
    }

    private SourceLocation Here() => new(_file, _line, 1);

    // The time of an item, decoded from its block's bytes when it is reported.
    private string Time(in ScanItem item) => Encoding.UTF8.GetString(_buffer, item.TimeAt, item.TimeLength);
}
