using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RuleForge.Live;

/// <summary>
/// Reads what the sandbox script left in its output folder: one file per scenario and client
/// (rspamc JSON, spamc's headers, swaks transcripts), the delivered list, dnsmasq's query logs
/// and the problems the script found. Whatever cannot be read becomes a problem.
/// </summary>
internal static partial class LiveResults
{
    /// <summary>The observation of one scenario; unreadable results add to problems.</summary>
    public static Observation Read(
        LiveScenario s, string outDir, LiveTargets targets, HashSet<string>? delivered, List<string> problems)
    {
        var rspamd = targets.Rspamd ? ReadRspamd(s.Name, outDir, problems) : null;
        var sa = targets.SpamAssassin ? ReadSpamAssassin(s.Name, outDir, problems) : null;
        int? smtpd = null;
        int? postscreen = null;
        bool? landed = null;
        if (targets.Postfix)
        {
            smtpd = ReadRcptCode(s.Name, "smtpd", "smtpd (XCLIENT)", outDir, problems);
        }

        if (targets.Postfix && targets.FullPath)
        {
            postscreen = ReadRcptCode(s.Name, "postscreen", "postscreen (PROXY)", outDir, problems);
            landed = postscreen is null || delivered is null ? null : delivered.Contains(s.Name);
        }

        return new Observation(s.Name, postscreen, smtpd, landed, rspamd?.Action, rspamd?.Score, rspamd?.Symbols,
            sa?.Score, sa?.IsSpam, sa?.Rules);
    }

    /// <summary>
    /// Every question dnsmasq logged, as "PORT TYPE NAME from CLIENT" (e.g.
    /// "5353 A 10.2.0.192.zen.spamhaus.org from 127.0.0.1"), in the order asked, port 53 first.
    /// </summary>
    public static List<string> DnsQueries(string outDir)
    {
        var result = new List<string>();
        foreach (var port in new[] { "53", "5353" })
        {
            var file = Path.Combine(outDir, $"dns{port}.log");
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (Match m in File.ReadLines(file).Select(l => QueryLine().Match(l)).Where(m => m.Success))
            {
                result.Add($"{port} {m.Groups[1].Value} {m.Groups[2].Value} from {m.Groups[3].Value}");
            }
        }

        return result;
    }

    /// <summary>Problems written by the script: "P" starts one, "T" lines are its log tail.</summary>
    public static List<string> ScriptProblems(string outDir)
    {
        var file = Path.Combine(outDir, "problems");
        var result = new List<string>();
        if (!File.Exists(file))
        {
            return result;
        }

        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith("P\t", StringComparison.Ordinal))
            {
                result.Add(line[2..]);
            }
            else if (line.StartsWith("T\t", StringComparison.Ordinal) && result.Count > 0)
            {
                result[^1] += "\n    " + line[2..];
            }
        }

        return result;
    }

    /// <summary>Per client (rspamd, sa, smtpd, postscreen): runs, mean and longest seconds.</summary>
    public static List<string> ClientTimings(string outDir)
    {
        var times = Directory.Exists(outDir) ? Directory.GetFiles(outDir, "*.rc") : [];
        return times
            .Select(f => (Kind: Path.GetExtension(Path.GetFileNameWithoutExtension(f)).TrimStart('.'),
                Parts: File.ReadAllText(f).Split(' ', StringSplitOptions.TrimEntries)))
            .Where(t => t.Parts.Length == 2)
            .Select(t => (t.Kind, Seconds: double.TryParse(t.Parts[1], NumberStyles.Float,
                CultureInfo.InvariantCulture, out var s) ? s : 0))
            .GroupBy(t => t.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()} runs, mean {g.Average(t => t.Seconds):0.00} s, "
                + $"longest {g.Max(t => t.Seconds):0.00} s")
            .ToList();
    }

    /// <summary>The lines of a small output file, or empty when it is missing.</summary>
    public static List<string> Lines(string outDir, string name)
    {
        var file = Path.Combine(outDir, name);
        return File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).ToList() : [];
    }

    private static (string Action, double Score, Dictionary<string, double> Symbols)? ReadRspamd(
        string name, string outDir, List<string> problems)
    {
        var (text, rc) = ReadOutput(outDir, $"{name}.rspamd");
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (rc != 0 || start < 0)
        {
            problems.Add($"scenario '{name}': rspamc failed (exit {rc}): {Tail(text)}");
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text[start..]);
            var root = json.RootElement;
            var symbols = new Dictionary<string, double>(StringComparer.Ordinal);
            if (root.TryGetProperty("symbols", out var list))
            {
                foreach (var symbol in list.EnumerateObject())
                {
                    symbols[symbol.Name] = symbol.Value.TryGetProperty("score", out var sc) ? Round(sc.GetDouble()) : 0;
                }
            }

            var score = Round(root.GetProperty("score").GetDouble());
            return (root.GetProperty("action").GetString() ?? "", score, symbols);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add($"scenario '{name}': rspamc's answer is not the expected JSON ({e.Message}): {Tail(text)}");
            return null;
        }
    }

    private static (double Score, bool IsSpam, Dictionary<string, double> Rules)? ReadSpamAssassin(
        string name, string outDir, List<string> problems)
    {
        var (text, rc) = ReadOutput(outDir, $"{name}.sa");
        var header = UnfoldedHeader(text, "X-Spam-RF-Live");
        if (rc != 0 || header is null)
        {
            problems.Add($"scenario '{name}': spamc failed (exit {rc}) or spamd added no X-Spam-RF-Live "
                + $"header: {Tail(text)}");
            return null;
        }

        var parts = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var rules = new Dictionary<string, double>(StringComparer.Ordinal);
        var list = parts.Length > 1 ? parts[1].Replace(" ", "", StringComparison.Ordinal) : "none";
        foreach (var item in list == "none" ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = item.Split('=', 2);
            rules[pair[0]] = pair.Length == 2
                && double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
        }

        var score = Math.Round(rules.Values.Sum(), 3);
        return (score, parts[0] == "Yes", rules);
    }

    /// <summary>The reply to RCPT TO, or the first rejection before it; null when the session failed.</summary>
    private static int? ReadRcptCode(string name, string file, string what, string outDir, List<string> problems)
    {
        var (text, rc) = ReadOutput(outDir, $"{name}.{file}");
        var lines = text.Split('\n');
        var rcpt = Array.FindLastIndex(lines, l => l.Contains("> RCPT TO:", StringComparison.Ordinal));
        if (rcpt >= 0)
        {
            var reply = lines.Skip(rcpt + 1).Select(l => ReplyLine().Match(l)).FirstOrDefault(m => m.Success);
            if (reply is not null)
            {
                return int.Parse(reply.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        var rejected = lines.Select(l => ReplyLine().Match(l))
            .FirstOrDefault(m => m.Success && m.Groups[1].Value[0] is '4' or '5');
        if (rejected is not null && rc != 124)
        {
            return int.Parse(rejected.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        problems.Add($"scenario '{name}': no SMTP reply to RCPT TO through {what} (swaks exit {rc}): {Tail(text)}");
        return null;
    }

    private static string? UnfoldedHeader(string message, string name)
    {
        var end = message.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (end < 0 ? message : message[..end]).Replace("\n\t", " ", StringComparison.Ordinal)
            .Replace("\n ", " ", StringComparison.Ordinal);
        var line = head.Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return line?[(name.Length + 1)..].Trim();
    }

    private static (string Text, int ExitCode) ReadOutput(string outDir, string file)
    {
        var path = Path.Combine(outDir, file);
        var text = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        var rcText = File.Exists(path + ".rc") ? File.ReadAllText(path + ".rc").Split(' ')[0].Trim() : "";
        var rc = int.TryParse(rcText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
        return (text, rc);
    }

    // Note: Rspamd computes in single precision (-29.799999); three decimals is what it means.
    private static double Round(double value) => Math.Round(value, 3);

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(6);
        var joined = string.Join(" | ", lines);
        return joined.Length == 0 ? "(no output)" : joined;
    }

    [GeneratedRegex(@"query\[(\w+)\] (\S+) from (\S+)")]
    private static partial Regex QueryLine();

    [GeneratedRegex(@"^<[-*~]+\s+(\d{3})[ -]")]
    private static partial Regex ReplyLine();
}
