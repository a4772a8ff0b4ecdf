using RuleForge.Tests.Lock;
using RuleForge.Tests.Spf;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// DNS faults during 'lock --refresh' deep in the SPF tree (an include that times out, fails,
/// is truncated without TCP, or a server that dies after some answers): exit 1 naming the
/// failing name, the lockfile byte-identical, and the next build trusts exactly what it did.
/// </summary>
public sealed class DnsFaultTests : IDisposable
{
    private const string Domain = "partner.example.com";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static LoopbackDnsServer Zone() => new LoopbackDnsServer()
        .Txt(Domain, "v=spf1 ip4:192.0.2.0/25 include:a.partner.example.com include:b.partner.example.com -all")
        .Txt("a.partner.example.com", "v=spf1 include:c.partner.example.com ip6:2001:db8:77::/48 -all")
        .Txt("b.partner.example.com", "v=spf1 ip4:198.51.100.0/24 -all")
        .Txt("c.partner.example.com", "v=spf1 ip4:203.0.113.0/24 -all");

    [Theory]
    [InlineData("timeout", "c.partner.example.com")]
    [InlineData("servfail", "c.partner.example.com")]
    [InlineData("truncated", "b.partner.example.com")]
    [InlineData("dies", null)]
    public void Refresh_WithAFaultDeepInTheTree_FailsNamingTheName_AndChangesNothing(string fault, string? name)
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Zone())
        {
            var first = LockPolicies.Lock(policy, dns.Flag);
            Assert.True(first.ExitCode == 0, first.ToString());
        }

        var lockfile = File.ReadAllBytes(LockPolicies.LockfileOf(policy));
        var before = Build(policy, "before");

        using var failing = Zone();
        _ = fault switch
        {
            "timeout" => failing.Delay(name!, TimeSpan.FromSeconds(10)),
            "servfail" => failing.ServerFailure(name!),
            "truncated" => failing.Truncate(name!, tcpToo: true),
            _ => failing.DieAfter(2),
        };
        var settings = _temp.Write("short.json", """{ "Dns": { "Timeout": 2, "Retries": 0 } }""");
        var run = CliRunner.Run("lock", policy, "--refresh", "--dns-server", failing.Flag, "--settings", settings);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error RF1310", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(name is null ? "partner.example.com failed" : $"{name} failed", run.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("error RF1347", run.Stderr, StringComparison.Ordinal);
        Assert.False(StackTraces.In(run.Stderr), run.Stderr);
        Assert.Equal(lockfile, File.ReadAllBytes(LockPolicies.LockfileOf(policy)));
        Assert.Equal(before, Build(policy, "after"));
    }

    private string Build(string policy, string name)
    {
        var outDir = _temp[name];
        var run = CliRunner.Run("build", policy, "--out", outDir, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllText(Path.Combine(outDir, "postfix", "ruleforge", "partner.clients.cidr"));
    }
}
