using System.Globalization;
using RuleForge.Tests.Spf;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Loads a corpus DNS case (tests/corpus/hostile/dns/*.zone) into a <see cref="LoopbackDnsServer"/>.
/// One record or behaviour per line:
/// <c>NAME TXT "string" "string"</c> (a string over 255 bytes is split), <c>NAME TXTx COUNT "text"</c>
/// (the text repeated COUNT times as separate strings), <c>NAME A|AAAA ADDRESS</c>,
/// <c>NAME CNAME TARGET</c>, <c>NAME FOREIGN OWNER "string"</c> (a TXT owned by another name in
/// NAME's answer), <c>NAME SERVFAIL</c>, <c>NAME DELAY SECONDS</c>, <c>NAME TRUNCATE</c>,
/// <c>* DIE-AFTER N</c>. Lines starting with '#' are comments.
/// </summary>
public static class ZoneScript
{
    /// <summary>Applies every line of the script to the server.</summary>
    public static void Apply(string path, LoopbackDnsServer dns)
    {
        foreach (var (raw, number) in File.ReadAllLines(path).Select((l, i) => (l, i + 1)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            var (name, kind, rest) = (words[0], words[1], words.Length > 2 ? words[2] : "");
            _ = kind switch
            {
                "TXT" => dns.Txt(name, [.. Strings(rest).SelectMany(Split)]),
                "TXTx" => dns.Txt(name, Repeat(rest)),
                "A" or "AAAA" => dns.Address(name, rest),
                "CNAME" => dns.Cname(name, rest),
                "FOREIGN" => dns.ForeignTxt(name, rest.Split(' ', 2)[0], [.. Strings(rest.Split(' ', 2)[1])]),
                "SERVFAIL" => dns.ServerFailure(name),
                "DELAY" => dns.Delay(name, TimeSpan.FromSeconds(int.Parse(rest, CultureInfo.InvariantCulture))),
                "TRUNCATE" => dns.Truncate(name, tcpToo: true),
                "DIE-AFTER" => dns.DieAfter(int.Parse(rest, CultureInfo.InvariantCulture)),
                _ => throw new InvalidOperationException($"{path}:{number}: unknown kind '{kind}'"),
            };
        }
    }

    private static string[] Repeat(string rest)
    {
        var parts = rest.Split(' ', 2);
        var count = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var text = Strings(parts[1]).Single();
        return Enumerable.Repeat(text, count).ToArray();
    }

    private static IEnumerable<string> Split(string text)
    {
        for (var i = 0; i < text.Length; i += 255)
        {
            yield return text.Substring(i, Math.Min(255, text.Length - i));
        }
    }

    // Double-quoted strings; inside them \n, \\, \" and \xHH are escapes.
    private static List<string> Strings(string text)
    {
        var result = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                i++;
                continue;
            }

            var sb = new System.Text.StringBuilder();
            for (i++; i < text.Length && text[i] != '"'; i++)
            {
                if (text[i] != '\\')
                {
                    sb.Append(text[i]);
                    continue;
                }

                i++;
                if (text[i] == 'x')
                {
                    var code = int.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    sb.Append((char)code);
                    i += 2;
                    continue;
                }

                sb.Append(text[i] == 'n' ? '\n' : text[i]);
            }

            result.Add(sb.ToString());
            i++;
        }

        return result;
    }
}
