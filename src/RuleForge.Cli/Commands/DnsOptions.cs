using System.CommandLine;
using RuleForge.Resolution.Dns;

namespace RuleForge.Cli.Commands;

/// <summary>The DNS server option and the DNS settings it overrides.</summary>
internal static class DnsOptions
{
    public static Option<string[]> Server() => new("--dns-server")
    {
        Description = "DNS server as address:port, such as 127.0.0.1:5353 (repeatable; default: the " +
            "Dns:Servers setting, else the system resolver).",
    };

    /// <summary>The DNS settings with the flag on top, or null (reported) when a value is unusable.</summary>
    public static DnsSettings? Load(ParseResult result, Option<string?> settings, Option<string[]> servers, CliIo io)
    {
        var flags = new Dictionary<string, string?>();
        if (result.GetValue(servers) is { Length: > 0 } given)
        {
            flags["Dns:Servers"] = string.Join(',', given);
        }

        var loaded = Cli.Settings.Load(result.GetValue(settings), flags);
        var problems = loaded.DnsProblems();
        foreach (var problem in problems)
        {
            io.Error.WriteLine($"ruleforge: {problem}");
        }

        return problems.Count == 0 ? loaded.Dns : null;
    }
}
