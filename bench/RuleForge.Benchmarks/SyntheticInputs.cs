using System.Text;

namespace RuleForge.Benchmarks;

/// <summary>Inputs made up with a fixed seed, so every run measures the same work.</summary>
internal static class SyntheticInputs
{
    private static readonly string[] Regions =
        ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "sa-east-1", "GLOBAL"];

    private static readonly string[] Services = ["AMAZON", "EC2", "S3", "CLOUDFRONT", "ROUTE53", "API_GATEWAY"];

    /// <summary>Random IPv4 networks /24 to /32 with host bits set, and some bare addresses.</summary>
    public static byte[] Ipv4Lines(int count, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(count * 18);
        for (var i = 0; i < count; i++)
        {
            var a = (uint)random.NextInt64(1L << 32);
            var prefix = random.Next(24, 33);
            text.Append(a >> 24).Append('.').Append((a >> 16) & 255).Append('.')
                .Append((a >> 8) & 255).Append('.').Append(a & 255);
            if (prefix < 32)
            {
                text.Append('/').Append(prefix);
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>An AWS ip-ranges.json of <paramref name="rows"/> rows, about 60 % IPv4.</summary>
    public static byte[] AwsFeed(int rows, int seed)
    {
        var random = new Random(seed);
        var v4 = rows * 6 / 10;
        var text = new StringBuilder(rows * 150);
        text.Append("{\n  \"syncToken\": \"1\",\n  \"createDate\": \"2026-01-01-00-00-00\",\n  \"prefixes\": [\n");
        for (var i = 0; i < v4; i++)
        {
            var a = (uint)random.NextInt64(1L << 32) & 0xFFFFFF00;
            Row(text, "ip_prefix", $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.0/{random.Next(16, 25)}",
                random, i == v4 - 1);
        }

        text.Append("  ],\n  \"ipv6_prefixes\": [\n");
        for (var i = v4; i < rows; i++)
        {
            Row(text, "ipv6_prefix", $"2600:{random.Next(0x10000):x}:{random.Next(0x10000):x}::/{random.Next(36, 57)}",
                random, i == rows - 1);
        }

        text.Append("  ]\n}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Row(StringBuilder text, string field, string cidr, Random random, bool last)
    {
        var region = Regions[random.Next(Regions.Length)];
        text.Append("    {\n      \"").Append(field).Append("\": \"").Append(cidr).Append("\",\n")
            .Append("      \"region\": \"").Append(region).Append("\",\n")
            .Append("      \"service\": \"").Append(Services[random.Next(Services.Length)]).Append("\",\n")
            .Append("      \"network_border_group\": \"").Append(region).Append("\"\n    }")
            .Append(last ? "\n" : ",\n");
    }
}
