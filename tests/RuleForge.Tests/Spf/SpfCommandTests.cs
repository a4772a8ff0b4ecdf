using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Spf;

public class SpfCommandTests
{
    [Fact]
    public void SpfFlatten_Json_HasTheDocumentedTopLevelFields()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("c7.example",
                "v=spf1 ip4:13.111.0.0/24 ip4:13.111.1.0/24 ip4:13.111.2.0/23 exists:%{i}.x.example -all");

        var run = CliRunner.Run("spf", "flatten", "c7.example", "--format", "json", "--dns-server", dns.Flag);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["ranges", "lookups", "voidLookups", "unflattenable", "warnings"], names.Take(5));
        Assert.Equal(["13.111.0.0/22"], root.GetProperty("ranges").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, root.GetProperty("lookups").GetInt32());
        Assert.Equal(0, root.GetProperty("voidLookups").GetInt32());
        var term = Assert.Single(root.GetProperty("unflattenable").EnumerateArray());
        Assert.Equal("exists:%{i}.x.example", term.GetProperty("term").GetString());
        Assert.Equal("RF1320", root.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal("c7.example", root.GetProperty("tree").GetProperty("domain").GetString());
    }

    [Fact]
    public void SpfFlatten_Text_ShowsTheTreeCountsAndRanges_AndWarningsOnStderr()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("c6.example", "v=spf1 include:_spf.c6.example ptr -all")
            .Txt("_spf.c6.example", "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2");

        var run = CliRunner.Run("spf", "flatten", "c6.example", "--dns-server", dns.Flag);

        Assert.True(run.ExitCode == 0, run.ToString());
        var stdout = run.Stdout.ReplaceLineEndings("\n");
        Assert.Contains("c6.example: 2 ranges, 2 of 10 lookups, 0 of 2 void lookups", stdout, StringComparison.Ordinal);
        var child = "    _spf.c6.example  \"v=spf1 ip4:192.0.2.1 ip4:192.0.2.2\"";
        Assert.Contains(child, stdout, StringComparison.Ordinal);
        Assert.Contains("  192.0.2.1/32\n  192.0.2.2/32\n", stdout, StringComparison.Ordinal);
        Assert.Contains("c6.example: warning RF1320: 'ptr'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SpfFlatten_ExitsOne_AndNamesTheName_OnServerFailure()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("f.example", "v=spf1 include:_spf.f.example -all")
            .ServerFailure("_spf.f.example");

        var run = CliRunner.Run("spf", "flatten", "f.example", "--dns-server", dns.Flag);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RF1310: DNS lookup of TXT _spf.f.example failed: the server answered SERVFAIL",
            run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ranges: none, the flattening failed", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com", "--dns-server", "dns.example:53")]
    [InlineData("example.com", "--dns-server", "127.0.0.1:99999")]
    [InlineData("not a domain", "--dns-server", "127.0.0.1:5353")]
    public void SpfFlatten_ExitsTwo_OnUsageErrors(string domain, string flag, string value)
    {
        var run = CliRunner.Run("spf", "flatten", domain, flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void DnsblCheck_InterpretsListingsNotListedAndErrorAnswers()
    {
        using var dns = new LoopbackDnsServer()
            .Address("2.113.0.203.zen.spamhaus.org", "127.0.0.4")
            .Address("2.113.0.203.bl.spamcop.net", "127.255.255.254");
        var policy = Path.Combine(RepoPaths.Rules, "efax.yaml");

        var run = CliRunner.Run("dnsbl", "check", "203.0.113.2", "--policy", policy, "--dns-server", dns.Flag,
            "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var lists = json.RootElement.GetProperty("blocklists").EnumerateArray()
            .ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("verdict").GetString());
        Assert.Equal("listed", lists["spamhaus-zen"]);
        Assert.Equal("error-answer", lists["spamcop"]);
        Assert.True(json.RootElement.GetProperty("listed").GetBoolean());
    }

    [Fact]
    public void DnsblCheck_ExitsOne_WhenABlocklistCannotBeAsked()
    {
        using var dns = new LoopbackDnsServer().ServerFailure("9.100.51.198.zen.spamhaus.org");
        var policy = Path.Combine(RepoPaths.Rules, "efax.yaml");

        var run = CliRunner.Run("dnsbl", "check", "198.51.100.9", "--policy", policy, "--dns-server", dns.Flag);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("A 9.100.51.198.zen.spamhaus.org failed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("spamcop: not listed (NXDOMAIN)", run.Stdout, StringComparison.Ordinal);
    }
}
