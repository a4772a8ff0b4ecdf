using System.Runtime.CompilerServices;
namespace RuleForge.Diagnosis;

/// <summary>The content-filter half of the scanner: Rspamd task lines and spamd lines.</summary>
internal sealed partial class LogScanner
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rspamd(in ScanItem item)
    {
        var (r, hits, spam, verdict) = (ParsedRspamd)item.Detail!;
        var client = r.ClientIp ?? Lookup(_queueClient, r.QueueId);
        var from = r.From ?? Lookup(_queueFrom, r.QueueId);
        var auth = AuthSymbols.Read(r.Symbols, DomainOf(from));
        Content(new BlockEvent(LogStage.Rspamd, Here(), Time(item), client, from, r.Recipient, r.MessageId,
            verdict, r.Score, r.Required, hits,
            auth.Spf, auth.Dkim, auth.DkimDomain, auth.Dmarc), spam);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SpamdResult(in ScanItem item)
    {
        var pid = item.Key;
        var (spam, whole, symbols, hits, mid, required) = (ParsedSpamd)item.Detail!;

        // Limitation: spamd names no client; it is found through the Postfix lines of the same message
        // id (cleanup, smtpd client=, qmgr from=), so only when they are in the input and still cached.
        mid ??= Lookup(_spamdMid, pid);
        double score = whole;
        if (_spamdScore.TryGet(pid, out var exact))
        {
            (score, required) = (exact.Score, required ?? exact.Required);
        }

        if (hits.Count == 0 || (!spam && hits.TrueForAll(h => h.Error is null)))
        {
            return;
        }

        var queue = Lookup(_midQueue, mid);
        var from = Lookup(_queueFrom, queue);
        var auth = AuthSymbols.Read(symbols, DomainOf(from));
        var verdict = required is { } req ? $"{(spam ? "spam" : "ham")} {score:0.0}/{req:0.0}" : spam ? "spam" : "ham";
        Content(new BlockEvent(LogStage.SpamAssassin, Here(), Time(item), Lookup(_queueClient, queue), from,
            null, mid, verdict, score, required, hits, auth.Spf, auth.Dkim, auth.DkimDomain, auth.Dmarc), spam);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Content(BlockEvent e, bool spam)
    {
        if (spam)
        {
            _collector.Block(e);
            return;
        }

        foreach (var hit in e.Hits.Where(h => h.Error is not null))
        {
            _collector.ErrorSeen(e.Stage, hit, e.Location, e.Time);
        }
    }
}
