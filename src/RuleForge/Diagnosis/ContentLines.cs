using System.Globalization;
using System.Runtime.CompilerServices;

namespace RuleForge.Diagnosis;

/// <summary>Parses Rspamd task log lines and spamd result lines.</summary>
public static class ContentLines
{
    /// <summary>
    /// Parses the text after "rspamd_task_write_log: ", e.g. "id: &lt;m@example.com&gt;, qid: &lt;4AB&gt;,
    /// ip: 192.0.2.1, from: &lt;a@example.com&gt;, (default: F (reject): [16.50/15.00]
    /// [RBL_SPAMHAUS_ZEN(6.50){1.2.0.192.zen.spamhaus.org : 127.0.0.2;},...]), len: 1, rcpts: &lt;b@example.net&gt;".
    /// Null when the verdict or the symbol list is missing or cut short.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RspamdResult? ParseRspamd(ReadOnlySpan<char> text, SymbolFilter? keep = null)
    {
        var verdict = text.IndexOf("): [");
        var open = verdict < 0 ? -1 : text[..(verdict + 1)].LastIndexOf('(');
        if (open < 0)
        {
            return null;
        }

        var action = text[(open + 1)..verdict].ToString();
        var scoresEnd = PostfixLines.IndexOf(text, ']', verdict + 4);
        var slash = scoresEnd < 0 ? -1 : text[(verdict + 4)..scoresEnd].IndexOf('/');
        slash = slash < 0 ? -1 : slash + verdict + 4;
        if (slash < 0 || !TryNumber(text[(verdict + 4)..slash], out var score)
            || !TryNumber(text[(slash + 1)..scoresEnd], out var required))
        {
            return null;
        }

        var symbolsAt = PostfixLines.IndexOf(text, '[', scoresEnd);
        if (symbolsAt < 0 || !TrySymbols(text, symbolsAt + 1, keep, out var symbols))
        {
            return null;
        }

        return new RspamdResult(Angle(text, "id: <"), Angle(text, "qid: <"), Plain(text, "ip: "),
            Angle(text, "from: <"), Angle(text, "rcpts: <") ?? Angle(text, "rcpt: <"), action, score, required,
            symbols);
    }

    /// <summary>
    /// Parses the text after "spamd: result: ", e.g. "Y 12 - RCVD_IN_ZEN,HTML_MESSAGE
    /// scantime=0.5,size=1234,user=x,uid=1,required_score=5.0,rhost=localhost,raddr=127.0.0.1,rport=1,
    /// mid=&lt;m@example.com&gt;".
    /// </summary>
    public static bool TryParseSpamdResult(
        ReadOnlySpan<char> text, out bool spam, out int score, out IReadOnlyList<string> rules, out string? messageId,
        out double? required)
    {
        spam = false;
        score = 0;
        rules = [];
        messageId = null;
        required = null;

        // Four words, then the fields; a field list with spaces in it is read as one, its words joined.
        Span<Range> parts = stackalloc Range[5];
        var count = text.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count < 4 || text[parts[0]] is not ("Y" or ".") || !text[parts[2]].SequenceEqual("-")
            || !int.TryParse(text[parts[1]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out score))
        {
            return false;
        }

        spam = text[parts[0]].SequenceEqual("Y");
        var list = text[parts[3]];
        rules = list.SequenceEqual("none") ? [] : list.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (count > 4)
        {
            var rest = text[parts[4]];
            var fields = rest.Contains(' ')
                ? string.Join(' ', rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                : rest.ToString();
            messageId = PostfixLines.Field(fields, "mid=<");
            var req = fields.IndexOf("required_score=", StringComparison.Ordinal);
            if (req >= 0)
            {
                var end = fields.IndexOf(',', req);
                var value = end < 0 ? fields[(req + 15)..] : fields[(req + 15)..end];
                required = TryNumber(value, out var r) ? r : null;
            }
        }

        return true;
    }

    /// <summary>Parses "(12.3/5.0)" after "identified spam " or "clean message ".</summary>
    public static bool TryParseSpamdScore(ReadOnlySpan<char> text, out double score, out double required)
    {
        score = required = 0;
        var open = text.IndexOf('(');
        var close = open < 0 ? -1 : PostfixLines.IndexOf(text, ')', open);
        var slash = close < 0 ? -1 : text[open..close].IndexOf('/');
        slash = slash < 0 ? -1 : slash + open;
        return slash > 0 && TryNumber(text[(open + 1)..slash], out score)
            && TryNumber(text[(slash + 1)..close], out required);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySymbols(
        ReadOnlySpan<char> text, int pos, SymbolFilter? keep, out List<ContentSymbol> symbols)
    {
        symbols = [];
        while (pos < text.Length)
        {
            if (text[pos] == ']')
            {
                return true;
            }

            var nameEnd = pos;
            while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_'))
            {
                nameEnd++;
            }

            if (nameEnd == pos || nameEnd >= text.Length)
            {
                return false;
            }

            var name = text[pos..nameEnd];
            pos = nameEnd;
            double? score = null;
            if (text[pos] == '(')
            {
                var close = PostfixLines.IndexOf(text, ')', pos);
                if (close < 0 || !TryNumber(text[(pos + 1)..close], out var s))
                {
                    return false;
                }

                score = s;
                pos = close + 1;
            }

            var options = ReadOnlySpan<char>.Empty;
            if (pos < text.Length && text[pos] == '{')
            {
                var close = PostfixLines.IndexOf(text, '}', pos);
                if (close < 0)
                {
                    return false;
                }

                options = text[(pos + 1)..close];
                pos = close + 1;
            }

            if (keep is null || keep(name, options))
            {
                IReadOnlyList<string> split = options.IsEmpty
                    ? []
                    : options.ToString()
                        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                symbols.Add(new ContentSymbol(name.ToString(), score, split));
            }
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
            }
        }

        return false;
    }

    private static string? Angle(ReadOnlySpan<char> text, string name) => Value(text, name, '>');

    private static string? Plain(ReadOnlySpan<char> text, string name) => Value(text, name, ',');

    private static string? Value(ReadOnlySpan<char> text, string name, char end)
    {
        var at = text.IndexOf(name);
        if (at < 0 || (at > 0 && text[at - 1] != ' '))
        {
            return null;
        }

        var start = at + name.Length;
        var stop = PostfixLines.IndexOf(text, end, start);
        return stop < 0 ? null : text[start..stop].ToString();
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
