using System.Text;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Huge but well-formed inputs for the memory-bound tests, written at test time: feeds of
/// millions of rows and policies near the loader's 4 MiB limit.
/// </summary>
public static class HugeInputs
{
    /// <summary>Rows in the generated JSON feed.</summary>
    public const int FeedRows = 2_000_000;

    private const string JsonEnd = "\n] }\n";

    /// <summary>
    /// A generic JSON feed of <see cref="FeedRows"/> rows (service, region, tags, cidr) of which
    /// the policy's filter keeps one in 2000, and the policy (p.yaml) that selects from it.
    /// </summary>
    public static string JsonFeedPolicy(string folder)
    {
        const string Generic = "file: feed.json\n    shape: generic\n    items: rows\n    cidr_field: cidr";
        const string Where = "\n          where: { service: smtp, region: [us-west, us-east] }";
        var policy = Path.Combine(folder, "p.yaml");
        File.WriteAllText(policy,
            GeneratedInputs.Bland("feed.json", Where).Replace("file: feed.json", Generic, StringComparison.Ordinal));
        string[] regions = ["us-west", "us-east", "eu-central", "ap-south"];
        using var w = new StreamWriter(Path.Combine(folder, "feed.json"), false, new UTF8Encoding(false), 1 << 20);
        w.Write("{ \"rows\": [\n");
        for (var i = 0; i < FeedRows; i++)
        {
            var service = i % 2000 == 0 ? "smtp" : "web";
            w.Write(i == 0 ? "" : ",\n");
            w.Write($"{{ \"service\": \"{service}\", \"region\": \"{regions[i % 4]}\", \"tags\": [\"a\", \"b\"], ");
            w.Write($"\"cidr\": \"{Spread(i)}\" }}");
        }

        w.Write(JsonEnd);
        return policy;
    }

    /// <summary>Adds a last row to the JSON feed that is a number, not an object.</summary>
    public static void BreakLastJsonRow(string folder)
    {
        using var f = new FileStream(Path.Combine(folder, "feed.json"), FileMode.Open, FileAccess.Write);
        f.SetLength(f.Length - JsonEnd.Length);
        f.Seek(0, SeekOrigin.End);
        f.Write(",\n42"u8);
        f.Write(Encoding.UTF8.GetBytes(JsonEnd));
    }

    /// <summary>
    /// A text feed of 2^21 host addresses that the policy keeps whole; together they are
    /// 11.0.0.0/11, too broad (RF1230).
    /// </summary>
    public static string TextFeedPolicy(string folder)
    {
        var policy = Path.Combine(folder, "p.yaml");
        File.WriteAllText(policy, GeneratedInputs.Bland());
        using var w = new StreamWriter(Path.Combine(folder, "feed.txt"), false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < 1 << 21; i++)
        {
            w.Write($"11.{i >> 16}.{(i >> 8) & 255}.{i & 255}\n");
        }

        return policy;
    }

    /// <summary>A valid policy just under 4 MiB: tens of thousands of senders, each with a /24.</summary>
    public static string ManySenders(string folder) => Near4MiB(folder, "senders:\n", i =>
        $"  - id: s{i}\n    domains: [d{i}.example.com]\n    ranges:\n      inline: [20.{i >> 8}.{i & 255}.0/24]\n");

    /// <summary>
    /// A policy of <paramref name="count"/> senders, each with a /24 (as <see cref="ManySenders"/>), for a build
    /// at the Policy:MaxSenders limit.
    /// </summary>
    public static string Senders(string folder, int count) => Near4MiB(folder, "senders:\n", i => i < count
        ? $"  - id: s{i}\n    domains: [d{i}.example.com]\n    ranges:\n      inline: [20.{i >> 8}.{i & 255}.0/24]\n"
        : null);

    /// <summary>One sender with an inline list of separate /32s just under 4 MiB: too broad together.</summary>
    public static string HugeRangesList(string folder) => Near4MiB(folder,
        "senders:\n  - id: partner\n    domains: [mail.example.com]\n    ranges:\n      inline:\n",
        i => $"        - {Spread(i)}\n");

    /// <summary>
    /// A policy near 4 MiB with an unknown key nested 30 levels deep (the loader allows 32) and an
    /// unknown mapping of tens of thousands of keys, each a list of 20 values.
    /// </summary>
    public static string DeepAndWide(string folder)
    {
        var deep = new StringBuilder("deep:\n");
        for (var level = 1; level <= 28; level++)
        {
            deep.Append(' ', 2 * level).Append($"k{level}:\n");
        }

        deep.Append(' ', 58).Append("leaf: 1\nwide:\n");
        var values = string.Join(", ", Enumerable.Repeat("value", 20));
        return Near4MiB(folder, deep.ToString(), i => $"  key{i}: [{values}]\n");
    }

    // The bland policy without its feeds and senders, then the head and lines up to just under 4 MiB.
    private static string Near4MiB(string folder, string head, Func<int, string?> line)
    {
        var bland = GeneratedInputs.Bland();
        var start = bland.IndexOf("feeds:", StringComparison.Ordinal);
        var end = bland.IndexOf("blocklists:", StringComparison.Ordinal);
        var text = new StringBuilder(bland[..start]).Append(bland[end..]).Append(head);
        for (var i = 0; ; i++)
        {
            var next = line(i);
            if (next is null || text.Length + next.Length > (4 * 1024 * 1024) - 64)
            {
                break;
            }

            text.Append(next);
        }

        var policy = Path.Combine(folder, "p.yaml");
        File.WriteAllText(policy, text.ToString());
        return policy;
    }

    // Addresses 512 apart from 23.0.0.0, as /32s: never adjacent, so they do not aggregate.
    private static string Spread(int i)
    {
        var a = 0x17000000u + ((uint)i * 512);
        return $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}/32";
    }
}
