namespace RuleForge.Diagnosis;

/// <summary>The content-filter half of the scanner: Rspamd task lines and spamd lines.</summary>
public sealed partial class LogScanner
{
    private void Rspamd(SyslogLine line, string text)
    {
        Events++;
        if (ContentLines.ParseRspamd(text) is not { } r)
        {
            Skipped++;
            return;
        }

        var spam = r.Action != "no action";
        var hits = Classify(r.Symbols);
        if (hits.Count == 0 || (!spam && hits.TrueForAll(h => h.Error is null)))
        {
            return;
        }

        var client = r.ClientIp ?? Lookup(_queueClient, r.QueueId);
        var from = r.From ?? Lookup(_queueFrom, r.QueueId);
        var auth = AuthSymbols.Read(r.Symbols, DomainOf(from));
        Content(new BlockEvent(LogStage.Rspamd, Here(), Text(line.Time), client, from, r.Recipient, r.MessageId,
            $"{r.Action} {r.Score:0.00}/{r.Required:0.00}", r.Score, r.Required, hits,
            auth.Spf, auth.Dkim, auth.DkimDomain, auth.Dmarc), spam);
    }

    private void Spamd(SyslogLine line, ReadOnlySpan<byte> msg)
    {
        var pid = line.Pid;
        if (msg.StartsWith("checking message "u8))
        {
            Events++;
            var open = msg.IndexOf((byte)'<');
            var close = open < 0 ? -1 : msg[open..].IndexOf((byte)'>');
            if (close > 0)
            {
                _spamdMid.Set(Text(pid), Text(msg.Slice(open + 1, close - 1)));
            }
        }
        else if (msg.StartsWith("identified spam "u8) || msg.StartsWith("clean message "u8))
        {
            Events++;
            if (ContentLines.TryParseSpamdScore(Text(msg), out var score, out var required))
            {
                _spamdScore.Set(Text(pid), (score, required));
            }
        }
        else if (msg.StartsWith("result: "u8))
        {
            if (IsQuietVerdict(msg, "result: . "u8))
            {
                Events++;
                return;
            }

            SpamdResult(line, Text(msg[8..]), Text(pid));
        }
    }

    private void SpamdResult(SyslogLine line, string text, string pid)
    {
        Events++;
        if (!ContentLines.TryParseSpamdResult(text, out var spam, out var whole, out var rules, out var mid,
                out var required))
        {
            Skipped++;
            return;
        }

        // Limitation: spamd names no client; it is found through the Postfix lines of the same message
        // id (cleanup, smtpd client=, qmgr from=), so only when they are in the input and still cached.
        mid ??= Lookup(_spamdMid, pid);
        double score = whole;
        if (_spamdScore.TryGet(pid, out var exact))
        {
            (score, required) = (exact.Score, required ?? exact.Required);
        }

        var symbols = rules.Select(r => new ContentSymbol(r, null, [])).ToList();
        var hits = Classify(symbols);
        if (hits.Count == 0 || (!spam && hits.TrueForAll(h => h.Error is null)))
        {
            return;
        }

        var queue = Lookup(_midQueue, mid);
        var from = Lookup(_queueFrom, queue);
        var auth = AuthSymbols.Read(symbols, DomainOf(from));
        var verdict = required is { } req ? $"{(spam ? "spam" : "ham")} {score:0.0}/{req:0.0}" : spam ? "spam" : "ham";
        Content(new BlockEvent(LogStage.SpamAssassin, Here(), Text(line.Time), Lookup(_queueClient, queue), from,
            null, mid, verdict, score, required, hits, auth.Spf, auth.Dkim, auth.DkimDomain, auth.Dmarc), spam);
    }

    private List<BlocklistHit> Classify(IReadOnlyList<ContentSymbol> symbols)
    {
        var hits = new List<BlocklistHit>();
        foreach (var symbol in symbols)
        {
            if (_names.Classify(symbol) is { } hit)
            {
                hits.Add(hit);
            }
        }

        return hits;
    }

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
