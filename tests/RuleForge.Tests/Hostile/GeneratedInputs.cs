using System.Text;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Hostile inputs too big to commit, written at test time: huge and deeply nested YAML, an
/// alias bomb, and feeds with millions of rows.
/// </summary>
public static class GeneratedInputs
{
    /// <summary>A policy that builds; cases change one part of it.</summary>
    public static string Bland(string feedFile = "feed.txt", string where = "") => $$"""
        policy: generated
        targets:
          postfix:
            version: "3.7"
            restriction_list: smtpd_recipient_restrictions
            before: [permit_mynetworks, reject_unauth_destination]
          rspamd:
            version: "3.4"
            actions: { add_header: 6, reject: 15 }
        feeds:
          - id: big
            file: {{feedFile}}
        senders:
          - id: partner
            domains: [mail.example.com]
            ranges:
              select:
                - feed: big{{where}}
        blocklists:
          - id: zen
            zone: zen.spamhaus.org
            listing_codes: [127.0.0.2]
            act: { postscreen: off, smtpd: reject, rspamd: { score: 7 }, spamassassin: off }

        """;

    /// <summary>Writes every generated case into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<CorpusCase> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var cases = new List<CorpusCase>();

        void Add(string name, string[] codes, Action<string> write)
        {
            var dir = Path.Combine(folder, name);
            Directory.CreateDirectory(dir);
            var policy = Path.Combine(dir, "p.yaml");
            write(dir);
            cases.Add(new CorpusCase(name, codes, "generated", policy));
        }

        Add("yaml-5-mib", ["RF1007"], d => File.WriteAllText(Path.Combine(d, "p.yaml"),
            Bland() + "# " + new string('x', 5 * 1024 * 1024) + "\n"));
        Add("yaml-100k-unknown-keys", ["RF1201"], d => File.WriteAllText(Path.Combine(d, "p.yaml"),
            Bland() + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"unknown{i}: 1\n"))));
        Add("yaml-million-brackets", ["RF1006"], d => File.WriteAllText(Path.Combine(d, "p.yaml"),
            "policy: " + new string('[', 1_000_000) + new string(']', 1_000_000) + "\n"));
        Add("yaml-alias-bomb-30", ["RF1003"], d => File.WriteAllText(Path.Combine(d, "p.yaml"), AliasBomb(30)));
        Add("yaml-100k-inline-ranges", ["RF1210", "RF1231", "RF1230"], d => File.WriteAllText(Path.Combine(d, "p.yaml"),
            Bland().Replace("      select:\n        - feed: big\n", "      inline:\n" + string.Concat(
                Enumerable.Range(0, 100_000).Select(i => $"        - {Private(i)}\n")), StringComparison.Ordinal)));

        // 2^21 host rows that aggregate into 11.0.0.0/11: every row is narrow, the whole is not.
        Add("feed-2m-rows-broad", ["RF1230"], d =>
        {
            File.WriteAllText(Path.Combine(d, "p.yaml"), Bland());
            WriteLines(Path.Combine(d, "feed.txt"), 1 << 21, i => $"11.{i >> 16}.{(i >> 8) & 255}.{i & 255}");
        });

        // 10^6 rows in private space that never aggregate (every other address).
        Add("feed-1m-rows-private", ["RF1210", "RF1231"], d =>
        {
            File.WriteAllText(Path.Combine(d, "p.yaml"), Bland());
            WriteLines(Path.Combine(d, "feed.txt"), 1_000_000, Private);
        });

        // 10^6 JSON rows whose selection keeps 2^16 + 1 separate /32s: more than a /16 in total.
        Add("feed-json-1m-rows", ["RF1230"], d =>
        {
            const string Generic = "file: feed.json\n    shape: generic\n    items: rows\n    cidr_field: cidr";
            File.WriteAllText(Path.Combine(d, "p.yaml"), Bland("feed.json", "\n          where: { service: smtp }")
                .Replace("file: feed.json", Generic, StringComparison.Ordinal));
            using var w = new StreamWriter(Path.Combine(d, "feed.json"), false, new UTF8Encoding(false));
            w.Write("{ \"rows\": [\n");
            for (var i = 0; i < 1_000_000; i++)
            {
                var service = i < 200_000 && i % 3 == 0 ? "smtp" : "web";
                w.Write($"{(i == 0 ? "" : ",\n")}{{ \"service\": \"{service}\", \"cidr\": \"{Spread(i)}\" }}");
            }

            w.Write("\n] }\n");
        });

        Add("feed-300-mib-sparse", ["RF1301"], d =>
        {
            File.WriteAllText(Path.Combine(d, "p.yaml"), Bland());
            using var f = File.Create(Path.Combine(d, "feed.txt"));
            f.SetLength(300L * 1024 * 1024);
        });
        return cases;
    }

    // Every other address from 10.0.0.0: private, and never adjacent, so they do not aggregate.
    private static string Private(int i) => $"10.{(i * 2) >> 16}.{((i * 2) >> 8) & 255}.{(i * 2) & 255}/32";

    // Addresses 512 apart by 512 from 23.0.0.0: never adjacent, so they do not aggregate.
    private static string Spread(int i)
    {
        var a = (uint)0x17000000 + ((uint)i * 512);
        return $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}/32";
    }

    private static string AliasBomb(int levels)
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < levels; i++)
        {
            var p = $"*a{i - 1}";
            sb.Append($"a{i}: &a{i} [{p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}]\n");
        }

        return sb.ToString();
    }

    private static void WriteLines(string path, int count, Func<int, string> line)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            w.Write(line(i));
            w.Write('\n');
        }
    }
}
