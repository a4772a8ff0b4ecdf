using RuleForge.Resolution.Dns;
using RuleForge.Resolution.Spf;

namespace RuleForge.Tests.Spf;

/// <summary>Flatteners and lookups that ask only a test's own loopback server.</summary>
public static class SpfTestDns
{
    /// <summary>Settings that name only the loopback server: never the system resolver.</summary>
    public static DnsSettings Settings(LoopbackDnsServer server, int timeoutMs = 2000, bool tcp = true) =>
        new([server.EndPoint], TimeSpan.FromMilliseconds(timeoutMs), 0, tcp);

    public static SpfFlattener Flattener(LoopbackDnsServer server, int timeoutMs = 2000, SpfLimits? limits = null) =>
        new(new DnsLookup(Settings(server, timeoutMs)), limits);

    public static Task<SpfResult> FlattenAsync(LoopbackDnsServer server, string domain, int timeoutMs = 2000) =>
        Flattener(server, timeoutMs).FlattenAsync(domain);

    public static string[] Ranges(SpfResult result) => [.. result.Ranges.Select(r => r.ToString())];

    public static string[] Codes(SpfResult result) => [.. result.Diagnostics.Select(d => d.Code)];
}
