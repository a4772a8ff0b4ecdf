using RuleForge.Diagnostics;
using RuleForge.Resolution.Spf;
using Xunit;
using static RuleForge.Tests.Spf.SpfTestDns;

namespace RuleForge.Tests.Spf;

/// <summary>
/// How the flattener behaves on the wire: failures named, truncation, one question per name,
/// parallel questions.
/// </summary>
public class SpfDnsBehaviourTests
{
    [Theory]
    [InlineData("t.example")]
    [InlineData("_spf.t.example")]
    [InlineData("deep.t.example")]
    [InlineData("host.t.example")]
    public async Task Flatten_FailsNamingTheName_WhenAnAnswerTimesOut(string slow)
    {
        using var dns = Tree().Delay(slow, TimeSpan.FromSeconds(8));

        var result = await FlattenAsync(dns, "t.example", timeoutMs: 1500);

        AssertFailedAt(result, slow, "timeout");
    }

    [Theory]
    [InlineData("t.example")]
    [InlineData("_spf.t.example")]
    [InlineData("deep.t.example")]
    [InlineData("host.t.example")]
    public async Task Flatten_FailsNamingTheName_OnServerFailure(string failing)
    {
        using var dns = Tree().ServerFailure(failing);

        var result = await FlattenAsync(dns, "t.example");

        AssertFailedAt(result, failing, "SERVFAIL");
    }

    [Fact]
    public async Task Flatten_CompletesATruncatedAnswerOverTcp()
    {
        using var dns = Tree().Truncate("deep.t.example", tcpToo: false);

        var result = await FlattenAsync(dns, "t.example");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["192.0.2.1/32", "192.0.2.2/32", "198.51.100.1/32"], Ranges(result));
        Assert.Equal(1, dns.TcpQuestions);
    }

    [Fact]
    public async Task Flatten_FailsNamingTheName_WhenATruncatedAnswerCannotBeCompletedOverTcp()
    {
        using var dns = Tree().Truncate("deep.t.example");

        var result = await FlattenAsync(dns, "t.example");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Ranges);
        Assert.Contains(result.Diagnostics, d => d.Code == "RF1310"
            && d.Message.Contains("TXT deep.t.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flatten_AsksEachNameAndTypeOnce_SoQuestionsEqualDistinctNames()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("d.example", "v=spf1 include:a.d.example include:b.d.example a:web.d.example mx -all")
            .Txt("a.d.example", "v=spf1 include:shared.d.example a:web.d.example -all")
            .Txt("b.d.example", "v=spf1 include:shared.d.example mx:d.example -all")
            .Txt("shared.d.example", "v=spf1 ip4:192.0.2.0/24 a:web.d.example -all")
            .Address("web.d.example", "198.51.100.1")
            .Mx("d.example", 10, "web.d.example");

        var result = await FlattenAsync(dns, "d.example");

        Assert.True(result.Succeeded);
        Assert.All(dns.Questions, q => Assert.Equal(1, q.Value));

        // TXT of four records, MX of one name, A and AAAA of one host.
        string[] names = ["d.example", "a.d.example", "b.d.example", "shared.d.example", "web.d.example"];
        Assert.Equal(names.Order(), dns.Questions.Keys.Select(k => k.Name).Distinct().Order());
        Assert.Equal(7, dns.Total);
        Assert.Equal(dns.Total, result.Queries);

        // A receiver still counts each occurrence: shared is reached twice.
        Assert.Equal(10, result.Lookups);
    }

    [Fact]
    public async Task Flatten_AsksIndependentNamesInParallel()
    {
        using var dns = new LoopbackDnsServer();
        var terms = Enumerable.Range(1, 6).Select(i => $"include:p{i}.par.example");
        dns.Txt("par.example", $"v=spf1 {string.Join(' ', terms)} -all");
        for (var i = 1; i <= 6; i++)
        {
            dns.Txt($"p{i}.par.example", $"v=spf1 ip4:192.0.2.{i} -all")
                .Delay($"p{i}.par.example", TimeSpan.FromMilliseconds(1000));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Note: one after another the six answers take 6 s; asked in parallel about 1 s.
        var result = await FlattenAsync(dns, "par.example");

        Assert.True(result.Succeeded);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(4000), $"took {watch.Elapsed}");
    }

    /// <summary>t.example -> include _spf.t.example -> include deep.t.example -> a:host.t.example.</summary>
    private static LoopbackDnsServer Tree() => new LoopbackDnsServer()
        .Txt("t.example", "v=spf1 include:_spf.t.example -all")
        .Txt("_spf.t.example", "v=spf1 include:deep.t.example ip4:192.0.2.1 -all")
        .Txt("deep.t.example", "v=spf1 a:host.t.example ip4:192.0.2.2 -all")
        .Address("host.t.example", "198.51.100.1");

    private static void AssertFailedAt(SpfResult result, string name, string reason)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Ranges);
        Assert.Empty(result.Provenance);

        // Note: an address lookup asks A and AAAA, so a failing host is named once for each.
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.Equal("RF1310", e.Code);
            Assert.Equal(name, e.Location.File);
            Assert.Contains($" {name} failed", e.Message, StringComparison.Ordinal);
            Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        });
    }
}
