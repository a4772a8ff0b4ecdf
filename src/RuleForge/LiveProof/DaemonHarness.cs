using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RuleForge.Live;
using RuleForge.Net;
using RuleForge.Verification;

namespace RuleForge.LiveProof;

/// <summary>
/// Runs a <see cref="LiveRun"/> against the real daemons: one loopback-only sandbox per run, in
/// which dnsmasq serves the run's zones, Rspamd, spamd and Postfix start once from the tree, and
/// every scenario is sent through postscreen, smtpd, rspamc and spamc (several at a time).
/// </summary>
public static class DaemonHarness
{
    /// <summary>Where Rspamd keeps its compiled maps between runs, so a warm start takes a second.</summary>
    public const string PersistentDbDir = "/var/tmp/ruleforge-live/rspamd-db";

    /// <summary>Runs every scenario and returns what the daemons did.</summary>
    public static LiveRunResult Run(LiveRun run, TextWriter log)
    {
        var problems = new List<string>();
        foreach (var program in new[] { "dnsmasq", "rspamd", "rspamc", "spamd", "spamc", "postfix", "swaks", "perl" })
        {
            if (ToolCheck.Find(program) is null)
            {
                problems.Add($"'{program}' is not installed; run scripts/install-daemons.sh as root");
            }
        }

        if (!Sandbox.IsAvailable(out var reason))
        {
            problems.Add($"the loopback-only sandbox cannot start: {reason}");
        }

        if (problems.Count > 0)
        {
            return new LiveRunResult([], [], [], problems);
        }

        var work = Directory.CreateTempSubdirectory("ruleforge-live-");
        try
        {
            Prepare(run, work.FullName);
            log.WriteLine($"live: {run.Scenarios.Count} scenarios, work folder {work.FullName}");
            var started = DateTime.UtcNow;
            var (code, output) = Sandbox.Run(Path.Combine(work.FullName, "live.sh"),
                [work.FullName, Path.GetFullPath(run.Tree), PersistentDbDir, "6"], TimeSpan.FromMinutes(8),
                ownPidNamespace: true);
            log.WriteLine($"live: daemons finished in {(DateTime.UtcNow - started).TotalSeconds:0.0} s (exit {code})");
            if (code != 0)
            {
                problems.Add($"the sandbox exited with {code}: {Tail(output)}");
            }

            return Parse(run, output, problems, log);
        }
        finally
        {
            // Note: RULEFORGE_LIVE_KEEP=1 keeps the work folder (logs, transcripts) for debugging.
            if (Environment.GetEnvironmentVariable("RULEFORGE_LIVE_KEEP") != "1")
            {
                work.Delete(recursive: true);
            }
        }
    }

    private static void Prepare(LiveRun run, string work)
    {
        File.WriteAllText(Path.Combine(work, "live.sh"), Resource("live.sh"));
        File.WriteAllText(Path.Combine(work, "sign.pl"), Resource("sign.pl"));
        using var rsa = RSA.Create(2048);
        File.WriteAllText(Path.Combine(work, "dkim.key"), rsa.ExportRSAPrivateKeyPem());
        var publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        File.WriteAllText(Path.Combine(work, "dns.conf"), DnsConfig(run, publicKey));
        Directory.CreateDirectory(Path.Combine(work, "msgs"));
        var tsv = new StringBuilder();
        foreach (var s in run.Scenarios)
        {
            tsv.Append($"{s.Name}\t{s.ClientIp}\t{s.EnvelopeFrom}\t{s.HeaderFrom}\t{s.DkimDomain ?? ""}\n");
            File.WriteAllText(Path.Combine(work, "msgs", s.Name + ".eml"), Message(s));
        }

        File.WriteAllText(Path.Combine(work, "scenarios.tsv"), tsv.ToString());
    }

    /// <summary>dnsmasq configuration: listings, SPF, DKIM and DMARC; everything else NXDOMAIN.</summary>
    internal static string DnsConfig(LiveRun run, string dkimPublicKey)
    {
        var sb = new StringBuilder("no-resolv\nno-hosts\nbind-interfaces\nlisten-address=127.0.0.1\nlocal=/#/\n");
        foreach (var listing in run.Scenarios.SelectMany(s => s.Listings).Distinct())
        {
            sb.Append($"address=/{QueryName(listing)}/{listing.Answer}\n");
        }

        foreach (var d in run.Domains)
        {
            sb.Append($"host-record={d.Domain},{d.ARecord}\n");
            if (d.Spf is not null)
            {
                sb.Append($"txt-record={d.Domain},\"{d.Spf}\"\n");
            }

            if (d.PublishDkimKey)
            {
                sb.Append($"txt-record=rf._domainkey.{d.Domain},{Chunks($"v=DKIM1; k=rsa; p={dkimPublicKey}")}\n");
            }

            if (d.Dmarc is not null)
            {
                sb.Append($"txt-record=_dmarc.{d.Domain},\"{d.Dmarc}\"\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The DNS name a blocklist is asked: reversed octets or nibbles, or the domain.</summary>
    internal static string QueryName(DnsListing listing)
    {
        if (!IpNetwork.TryParseAddress(listing.Subject, out var family, out var value))
        {
            return $"{listing.Subject}.{listing.Zone}";
        }

        var parts = new List<string>();
        if (family == IpFamily.V4)
        {
            for (var i = 0; i < 4; i++, value >>= 8)
            {
                parts.Add(((uint)(value & 255)).ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            for (var i = 0; i < 32; i++, value >>= 4)
            {
                parts.Add(((int)(value & 15)).ToString("x", CultureInfo.InvariantCulture));
            }
        }

        return $"{string.Join('.', parts)}.{listing.Zone}";
    }

    private static string Chunks(string text) =>
        string.Join(',', text.Chunk(250).Select(c => $"\"{new string(c)}\""));

    /// <summary>The test message: a Received line from the client so SpamAssassin knows it.</summary>
    internal static string Message(LiveScenario s)
    {
        var date = DateTime.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);
        var client = s.ClientIp.Contains(':', StringComparison.Ordinal) ? $"IPv6:{s.ClientIp}" : s.ClientIp;
        return $"Return-Path: <{s.EnvelopeFrom}>\n" +
            $"Received: from mail.sender.test (mail.sender.test [{client}])\n" +
            $"\tby mx.dest.example (RuleForge live test) with ESMTP\n" +
            $"\tfor <user@dest.example>; {date}\n" +
            $"From: Notifications <{s.HeaderFrom}>\n" +
            "To: <user@dest.example>\n" +
            $"Subject: RuleForge scenario {s.Name}\n" +
            $"Date: {date}\n" +
            $"Message-ID: <{s.Name}@sender.test>\n" +
            "MIME-Version: 1.0\n" +
            "Content-Type: text/plain; charset=us-ascii\n\n" +
            $"A fax was received for you. Reference {s.Name}.\n";
    }

    private static LiveRunResult Parse(LiveRun run, string output, List<string> problems, TextWriter log)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        string? Field(string kind, string name, int index) =>
            lines.FirstOrDefault(l => l[0] == kind && l.Length > index && l[1] == name)?[index];

        var delivered = lines.Where(l => l[0] == "DELIVERED" && l.Length > 1).Select(l => l[1]).ToHashSet();
        var postfix = Directory.Exists(Path.Combine(run.Tree, "postfix"));
        var observations = new List<Observation>();
        foreach (var s in run.Scenarios)
        {
            var (action, score, symbols) = Rspamd(Decode(Field("RSPAMD", s.Name, 2)));
            var (saScore, spam, rules) = SpamAssassin(Decode(Field("SA", s.Name, 2)));
            observations.Add(new Observation(s.Name, Code(Field("PS", s.Name, 2)), Code(Field("SMTPD", s.Name, 2)),
                postfix ? delivered.Contains(s.Name) : null, action, score, symbols, saScore, spam, rules));
            if (Field("PS", s.Name, 3) is { } transcript)
            {
                log.WriteLine($"live: {s.Name}: postscreen path: {transcript}");
            }
        }

        problems.AddRange(lines.Where(l => l[0] == "PROBLEM" && l.Length > 1).Select(l => l[1]));
        var queries = lines.Where(l => l[0] == "DNSQ" && l.Length > 3)
            .Select(l => $"{l[1]} {l[2]} from {l[3]}")
            .ToList();
        var resolvers = lines.Where(l => l[0] == "RESOLVER" && l.Length > 1).Select(l => l[1].Trim()).ToList();
        var interfaces = lines.Where(l => l[0] == "IFACE" && l.Length > 1).Select(l => l[1].Trim()).ToList();
        if (interfaces.Any(i => i != "lo"))
        {
            problems.Add($"the sandbox has interfaces other than loopback: {string.Join(", ", interfaces)}");
        }

        return new LiveRunResult(observations, queries, resolvers, problems);
    }

    private static int? Code(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : null;

    private static string? Decode(string? base64)
    {
        var bytes = new byte[(base64?.Length ?? 0) * 3 / 4 + 3];
        return !string.IsNullOrEmpty(base64) && Convert.TryFromBase64String(base64, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes, 0, length)
            : null;
    }

    private static (string? Action, double? Score, IReadOnlyDictionary<string, double>? Symbols) Rspamd(string? json)
    {
        if (json is null || !json.TrimStart().StartsWith('{'))
        {
            return (null, null, null);
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement.TryGetProperty("default", out var d) ? d : doc.RootElement;
        var symbols = new Dictionary<string, double>(StringComparer.Ordinal);
        if (root.TryGetProperty("symbols", out var list) && list.ValueKind == JsonValueKind.Object)
        {
            foreach (var symbol in list.EnumerateObject())
            {
                symbols[symbol.Name] = symbol.Value.TryGetProperty("score", out var sc) ? sc.GetDouble() : 0;
            }
        }

        var action = root.TryGetProperty("action", out var a) ? a.GetString() : null;
        var score = root.TryGetProperty("score", out var s) ? s.GetDouble() : (double?)null;
        return (action, score, symbols);
    }

    // spamc -R: the first line is "score/threshold", then the report table " pts rule  description".
    private static (double? Score, bool? Spam, IReadOnlyDictionary<string, double>? Rules) SpamAssassin(string? report)
    {
        if (report is null)
        {
            return (null, null, null);
        }

        var lines = report.Split('\n');
        var head = lines[0].Split('/');
        if (head.Length != 2
            || !double.TryParse(head[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            || !double.TryParse(head[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            return (null, null, null);
        }

        var rules = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var pts)
                && parts[1].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                rules[parts[1]] = pts;
            }
        }

        return (score, score >= threshold, rules);
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"RuleForge.LiveProof.{name}")
            ?? throw new InvalidOperationException($"embedded {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Tail(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
}
