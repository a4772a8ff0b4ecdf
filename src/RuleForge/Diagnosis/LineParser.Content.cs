using System.Globalization;
using System.Runtime.CompilerServices;

namespace RuleForge.Diagnosis;

/// <summary>The content-filter half of the parser: Rspamd task lines and spamd lines.</summary>
internal sealed partial class LineParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rspamd(in SyslogLine line, ReadOnlySpan<byte> rest, ScanBlock block, int n)
    {
        block.Events++;
        if (IsQuietVerdict(rest, "(no action): ["u8))
        {
            return;
        }

        if (ContentLines.ParseRspamd(Chars(rest), _keep) is not { } r)
        {
            block.Skipped++;
            return;
        }

        var spam = r.Action != "no action";
        var hits = Classify(r.Symbols);
        if (hits.Count == 0 || (!spam && hits.TrueForAll(h => h.Error is null)))
        {
            return;
        }

        var verdict = string.Create(CultureInfo.InvariantCulture, $"{r.Action} {r.Score:0.00}/{r.Required:0.00}");
        var item = new ScanItem { Kind = ScanKind.Rspamd, Line = n, Detail = new ParsedRspamd(r, hits, spam, verdict) };
        Time(ref item, block, line.Time);
        block.Items.Add(item);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Spamd(in SyslogLine line, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        if (msg.StartsWith("checking message "u8))
        {
            block.Events++;
            var open = msg.IndexOf((byte)'<');
            var close = open < 0 ? -1 : msg[open..].IndexOf((byte)'>');
            if (close > 0)
            {
                var item = new ScanItem { Kind = ScanKind.SpamdMessage, Line = n };
                Key(ref item, line.Pid);
                Value(ref item, msg.Slice(open + 1, close - 1));
                block.Items.Add(item);
            }
        }
        else if (msg.StartsWith("identified spam "u8) || msg.StartsWith("clean message "u8))
        {
            block.Events++;
            if (ContentLines.TryParseSpamdScore(Chars(msg), out var score, out var required))
            {
                var item = new ScanItem { Kind = ScanKind.SpamdScore, Line = n, Score = score, Required = required };
                Key(ref item, line.Pid);
                block.Items.Add(item);
            }
        }
        else if (msg.StartsWith("result: "u8))
        {
            SpamdResult(line, msg, block, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SpamdResult(in SyslogLine line, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        block.Events++;
        if (IsQuietVerdict(msg, "result: . "u8))
        {
            return;
        }

        if (!ContentLines.TryParseSpamdResult(Chars(msg[8..]), out var spam, out var whole, out var rules, out var mid,
                out var required))
        {
            block.Skipped++;
            return;
        }

        var symbols = rules.Where(r => _keep(r, [])).Select(r => new ContentSymbol(r, null, [])).ToList();
        var item = new ScanItem
        {
            Kind = ScanKind.SpamdResult,
            Line = n,
            Detail = new ParsedSpamd(spam, whole, symbols, Classify(symbols), mid, required),
        };
        Key(ref item, line.Pid);
        Time(ref item, block, line.Time);
        block.Items.Add(item);
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

    /// <summary>
    /// A clean verdict (Rspamd "no action", spamd ".") that shows no error answer needs no parsing: only
    /// spam verdicts and error answers are reported. Checked on the bytes, before anything is decoded.
    /// </summary>
    private static bool IsQuietVerdict(ReadOnlySpan<byte> text, ReadOnlySpan<byte> clean) =>
        text.IndexOf(clean) >= 0 && text.IndexOf("127.255.255."u8) < 0 && text.IndexOf("BLOCKED"u8) < 0
        && text.IndexOf("OPENRESOLVER"u8) < 0;
}
