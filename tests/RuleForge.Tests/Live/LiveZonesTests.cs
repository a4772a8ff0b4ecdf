using RuleForge.Live;
using Xunit;

namespace RuleForge.Tests.Live;

/// <summary>The harness's DNS data and input checks, which need neither root nor daemons.</summary>
public sealed class LiveZonesTests
{
    [Theory]
    [InlineData("192.0.2.10", "10.2.0.192.zen.spamhaus.org")]
    [InlineData("2001:db8:10::5",
        "5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org")]
    [InlineData("Spammer.Example", "spammer.example.zen.spamhaus.org")]
    public void QueryName_ReversesIpv4ByOctet_Ipv6ByNibble_AndKeepsDomains(string subject, string expected)
    {
        Assert.Equal(expected, LiveZones.QueryName(new DnsListing("zen.spamhaus.org.", subject, "127.0.0.2")));
    }

    [Fact]
    public void Config_AnswersNothingElse_AndSplitsLongTxtRecords()
    {
        var spf = "v=spf1 " + string.Join(' ', Enumerable.Range(0, 30).Select(i => $"ip4:192.0.2.{i}")) + " -all";
        var run = new LiveRun("/nonexistent", [new DomainRecords("a.example.com", spf, true, "v=DMARC1; p=reject",
            "192.0.2.1")], [Scenario("one", "192.0.2.10", "127.0.0.2")]);
        var problems = new List<string>();

        var config = LiveZones.Config(run, problems);

        Assert.Empty(problems);
        Assert.Contains("local=/#/\n", config, StringComparison.Ordinal);
        Assert.Contains("address=/10.2.0.192.zen.spamhaus.org/127.0.0.2\n", config, StringComparison.Ordinal);
        Assert.Contains("txt-record=_dmarc.a.example.com,\"v=DMARC1; p=reject\"\n", config, StringComparison.Ordinal);
        Assert.Contains($"txt-record=a.example.com,\"{spf[..255]}\",\"{spf[255..]}\"\n", config,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Config_ReportsTwoAnswersForOneName()
    {
        var run = new LiveRun("/nonexistent", [],
            [Scenario("one", "192.0.2.10", "127.0.0.2"), Scenario("two", "192.0.2.10", "127.0.0.4")]);
        var problems = new List<string>();

        LiveZones.Config(run, problems);

        Assert.Contains(problems, p => p.Contains("both 127.0.0.2 and 127.0.0.4", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RejectsUnsafeNamesAndAddresses()
    {
        var run = new LiveRun("/nonexistent", [new DomainRecords("a.example", "v=spf1 \"x\"", false, null, "x")],
        [
            new LiveScenario("Bad Name", "300.1.1.1", "a b@x.example", "x@", "not a domain!", []),
        ]);

        var problems = LiveRunCheck.Problems(run);

        Assert.Contains(problems, p => p.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("[a-z0-9-]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'300.1.1.1'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'a b@x.example'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'x@'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DKIM domain", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("double quotes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("A record 'x'", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WithBadInput_ReturnsProblemsWithoutStartingAnything()
    {
        var run = new LiveRun("/nonexistent", [], [Scenario("one", "192.0.2.10", "127.0.0.2")]);

        var result = LiveHarness.Run(run, new StringWriter());

        Assert.Empty(result.Observations);
        Assert.Contains(result.Problems, p => p.Contains("does not exist", StringComparison.Ordinal));
    }

    private static LiveScenario Scenario(string name, string ip, string answer) =>
        new(name, ip, "a@b.example", "a@b.example", null, [new DnsListing("zen.spamhaus.org", ip, answer)]);
}
