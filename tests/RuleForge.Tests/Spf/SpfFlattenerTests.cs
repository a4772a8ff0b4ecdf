using RuleForge.Diagnostics;
using RuleForge.Resolution.Spf;
using Xunit;
using static RuleForge.Tests.Spf.SpfTestDns;

namespace RuleForge.Tests.Spf;

public class SpfFlattenerTests
{
    [Fact]
    public async Task Flatten_KeepsBothAddresses_WhenTheIncludedRecordHasNoAll()
    {
        // Case C6.
        using var dns = new LoopbackDnsServer()
            .Txt("c6.example", "v=spf1 include:_spf.c6.example -all")
            .Txt("_spf.c6.example", "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2");

        var result = await FlattenAsync(dns, "c6.example");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["192.0.2.1/32", "192.0.2.2/32"], Ranges(result));
        Assert.Equal(1, result.Lookups);
        Assert.All(result.Provenance, p => Assert.Equal("_spf.c6.example", p.Domain));
    }

    [Fact]
    public async Task Flatten_AggregatesAdjacentBlocks_IntoTheMinimalCover()
    {
        // Case C7.
        using var dns = new LoopbackDnsServer().Txt("c7.example",
            "v=spf1 ip4:13.111.0.0/24 ip4:13.111.1.0/24 ip4:13.111.2.0/24 ip4:13.111.3.0/24 -all");

        var result = await FlattenAsync(dns, "c7.example");

        Assert.Equal(["13.111.0.0/22"], Ranges(result));
        Assert.Equal(4, result.Provenance.Count);
    }

    [Fact]
    public async Task Flatten_ReportsAMacroExists_AsUnflattenable_AndKeepsTheOtherRanges()
    {
        // Case C8.
        using var dns = new LoopbackDnsServer()
            .Txt("c8.example", "v=spf1 include:mta.example.net ip4:198.51.100.0/24 ~all")
            .Txt("mta.example.net", "v=spf1 exists:%{i}._spf.mta.example.net -all");

        var result = await FlattenAsync(dns, "c8.example");

        Assert.True(result.Succeeded);
        Assert.Equal(["198.51.100.0/24"], Ranges(result));
        var term = Assert.Single(result.Unflattenable);
        Assert.Equal("exists:%{i}._spf.mta.example.net", term.Term);
        Assert.Equal("mta.example.net", term.Domain);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RF1320");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("cannot be turned into address ranges", warning.Message, StringComparison.Ordinal);
        Assert.Contains("content stage", warning.Hint, StringComparison.Ordinal);
        Assert.Equal(2, result.Lookups);
        Assert.Equal(0, dns.Count("_spf.mta.example.net", LoopbackDnsServer.TypeA));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public async Task Flatten_ReportsTheSendersLookupLimit_OnlyAbove10_AndStillFlattens(int includes, bool reported)
    {
        // Case C9.
        using var dns = new LoopbackDnsServer();
        var terms = Enumerable.Range(1, includes).Select(i => $"include:s{i}.c9.example");
        dns.Txt("c9.example", $"v=spf1 {string.Join(' ', terms)} -all");
        for (var i = 1; i <= includes; i++)
        {
            dns.Txt($"s{i}.c9.example", $"v=spf1 ip4:198.51.100.{i} -all");
        }

        var result = await FlattenAsync(dns, "c9.example");

        Assert.True(result.Succeeded);
        Assert.Equal(includes, result.Lookups);
        Assert.Equal(includes, result.Provenance.Count);
        Assert.Equal(reported, result.Diagnostics.Any(d => d.Code == "RF1317"));
        if (reported)
        {
            var warning = result.Diagnostics.Single(d => d.Code == "RF1317");
            Assert.Equal(Severity.Warning, warning.Severity);
            Assert.Contains("11 DNS lookups", warning.Message, StringComparison.Ordinal);
            Assert.Contains("permerror", warning.Hint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Flatten_FollowsRedirect_AndCountsItAsALookup()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("r.example", "v=spf1 ip4:192.0.2.0/28 redirect=_spf.r.example")
            .Txt("_spf.r.example", "v=spf1 ip4:203.0.113.0/24 -all");

        var result = await FlattenAsync(dns, "r.example");

        Assert.Equal(["192.0.2.0/28", "203.0.113.0/24"], Ranges(result));
        Assert.Equal(1, result.Lookups);
        Assert.Contains(result.Provenance, p => p.Domain == "_spf.r.example");
    }

    [Fact]
    public async Task Flatten_IgnoresRedirect_WhenTheRecordHasAll()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("r.example", "v=spf1 ip4:192.0.2.0/28 ~all redirect=_spf.r.example")
            .Txt("_spf.r.example", "v=spf1 ip4:203.0.113.0/24 -all");

        var result = await FlattenAsync(dns, "r.example");

        Assert.Equal(["192.0.2.0/28"], Ranges(result));
        Assert.Contains("RF1323", Codes(result));
        Assert.Equal(0, dns.Count("_spf.r.example", LoopbackDnsServer.TypeTxt));
    }

    [Fact]
    public async Task Flatten_ResolvesEveryMxHost_InBothFamilies_WithThePrefixLengths()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("mx.example", "v=spf1 mx/28//64 -all")
            .Mx("mx.example", 20, "mx2.mx.example")
            .Mx("mx.example", 10, "mx1.mx.example")
            .Mx("mx.example", 30, "mx3.mx.example")
            .Address("mx1.mx.example", "192.0.2.17")
            .Address("mx2.mx.example", "192.0.2.33", "2001:db8:0:1::5")
            .Address("mx3.mx.example", "2001:db8:0:2::9");

        var result = await FlattenAsync(dns, "mx.example");

        Assert.Equal(["192.0.2.16/28", "192.0.2.32/28", "2001:db8:0:1::/64", "2001:db8:0:2::/64"], Ranges(result));
        var mx = result.Tree!.Terms[0];
        Assert.Equal(["mx1.mx.example", "mx2.mx.example", "mx3.mx.example"], mx.Hosts);
        Assert.Equal(1, result.Lookups);
        Assert.Equal(0, result.VoidLookups);
        Assert.Contains(result.Provenance, p => p.Term == "mx/28//64 (mx2.mx.example)");
    }

    [Fact]
    public async Task Flatten_CountsAnMxHostWithoutAddresses_AsAVoidLookup()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("mx.example", "v=spf1 mx a:gone1.mx.example a:gone2.mx.example -all")
            .Mx("mx.example", 10, "mx1.mx.example")
            .Mx("mx.example", 20, "dead.mx.example")
            .Address("mx1.mx.example", "192.0.2.17");

        var result = await FlattenAsync(dns, "mx.example");

        Assert.True(result.Succeeded);
        Assert.Equal(["192.0.2.17/32"], Ranges(result));
        Assert.Equal(3, result.VoidLookups);
        Assert.Contains("RF1318", Codes(result));
    }

    [Fact]
    public async Task Flatten_AcceptsTwoVoidLookups_WithoutAWarning()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("v.example", "v=spf1 a:gone1.v.example a:gone2.v.example ip4:192.0.2.1 -all");

        var result = await FlattenAsync(dns, "v.example");

        Assert.Equal(2, result.VoidLookups);
        Assert.DoesNotContain("RF1318", Codes(result));
    }

    [Fact]
    public async Task Flatten_ReportsMoreThanTenMxNames()
    {
        using var dns = new LoopbackDnsServer().Txt("mx.example", "v=spf1 mx -all");
        for (var i = 1; i <= 11; i++)
        {
            dns.Mx("mx.example", (ushort)i, $"h{i}.mx.example").Address($"h{i}.mx.example", $"192.0.2.{i}");
        }

        var result = await FlattenAsync(dns, "mx.example");

        Assert.True(result.Succeeded);
        Assert.Contains("RF1319", Codes(result));
        Assert.Equal(11, result.Provenance.Count);
    }

    [Fact]
    public async Task Flatten_ClearsHostBits_AndPrintsIpv6Canonically()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("v6.example", "v=spf1 ip6:2001:DB8:0:0:0:0:0:1/48 ip6:2001:db8:ffff::1 ip4:192.0.2.77/24 a//56 -all")
            .Address("v6.example", "2001:db8:aa:bb::1");

        var result = await FlattenAsync(dns, "v6.example");

        Assert.Equal(
            ["192.0.2.0/24", "2001:db8::/48", "2001:db8:aa::/56", "2001:db8:ffff::1/128"],
            Ranges(result));
    }

    [Fact]
    public async Task Flatten_DetectsAnIncludeLoop_AndStillFlattensTheRest()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("loop.example", "v=spf1 include:b.loop.example ip4:192.0.2.1 -all")
            .Txt("b.loop.example", "v=spf1 include:loop.example ip4:192.0.2.2 -all");

        var result = await FlattenAsync(dns, "loop.example");

        Assert.True(result.Succeeded);
        Assert.Equal(["192.0.2.1/32", "192.0.2.2/32"], Ranges(result));
        var loop = Assert.Single(result.Diagnostics, d => d.Code == "RF1316");
        Assert.Contains("loop.example -> b.loop.example -> loop.example", loop.Message, StringComparison.Ordinal);
        Assert.Equal(1, dns.Count("loop.example", LoopbackDnsServer.TypeTxt));
    }

    [Fact]
    public async Task Flatten_DetectsARedirectToItself()
    {
        using var dns = new LoopbackDnsServer().Txt("self.example", "v=spf1 redirect=self.example");

        var result = await FlattenAsync(dns, "self.example");

        Assert.Contains("RF1316", Codes(result));
        Assert.Contains("RF1325", Codes(result));
        Assert.Empty(result.Ranges);
    }

    [Fact]
    public async Task Flatten_StopsAtTheDepthBound()
    {
        using var dns = new LoopbackDnsServer();
        for (var i = 0; i < 12; i++)
        {
            dns.Txt($"d{i}.example", $"v=spf1 include:d{i + 1}.example ip4:192.0.2.{i} -all");
        }

        dns.Txt("d12.example", "v=spf1 -all");

        var result = await FlattenAsync(dns, "d0.example");

        Assert.False(result.Succeeded);
        Assert.Contains("RF1314", Codes(result));
        Assert.Empty(result.Ranges);
    }

    [Fact]
    public async Task Flatten_StopsAtTheQueryBound()
    {
        using var dns = new LoopbackDnsServer();
        var terms = Enumerable.Range(1, 8).Select(i => $"a:h{i}.q.example");
        dns.Txt("q.example", $"v=spf1 {string.Join(' ', terms)} -all");
        var limits = new SpfLimits(Queries: 10);

        var result = await Flattener(dns, limits: limits).FlattenAsync("q.example");

        Assert.False(result.Succeeded);
        Assert.Contains("RF1314", Codes(result));
        Assert.True(dns.Total <= 10, $"{dns.Total} questions");
    }

    [Fact]
    public async Task Flatten_JoinsTheStringsOfATxtRecord_WithoutSeparators()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("multi.example", "v=spf1 ip4:192.0.2.0/2", "4 ip4:198.51.100.0/24", " -all")
            .Txt("multi.example", "google-site-verification=abc");

        var result = await FlattenAsync(dns, "multi.example");

        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24"], Ranges(result));
        Assert.Equal("v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 -all", result.Tree!.Record);
    }

    [Fact]
    public async Task Flatten_RefusesTwoSpfRecords()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("two.example", "v=spf1 ip4:192.0.2.0/24 -all")
            .Txt("two.example", "V=SPF1 ip4:198.51.100.0/24 -all");

        var result = await FlattenAsync(dns, "two.example");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Ranges);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "RF1312");
        Assert.Contains("2 SPF records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flatten_TrustsOnlyPassTerms_AndHonoursFirstMatch()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("q.example",
                "v=spf1 -ip4:192.0.2.0/25 ~ip4:198.51.100.0/24 ip4:192.0.2.0/24 ?include:n.q.example " +
                "+ip4:203.0.113.0/24 ~all")
            .Txt("n.q.example", "v=spf1 ip4:203.0.113.128/25 ip6:2001:db8::/32 -all");

        var result = await FlattenAsync(dns, "q.example");

        Assert.Equal(["192.0.2.128/25", "203.0.113.0/25"], Ranges(result));
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == "RF1321" && d.Severity == Severity.Info));
        Assert.Equal(SpfTermOutcome.NotTrusted, result.Tree!.Terms[0].Outcome);
    }

    [Fact]
    public async Task Flatten_IgnoresTermsAfterAll_AndRefusesPassAll()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("all.example", "v=spf1 ip4:192.0.2.1 include:x.all.example +all ip4:198.51.100.1 a:late.example")
            .Txt("x.all.example", "v=spf1 ip4:192.0.2.2 -all");

        var result = await FlattenAsync(dns, "all.example");

        Assert.Equal(["192.0.2.1/32", "192.0.2.2/32"], Ranges(result));
        Assert.Contains(result.Unflattenable, u => u.Term == "+all");
        Assert.Contains("RF1322", Codes(result));
        Assert.Equal(1, result.Lookups);
        Assert.Equal(0, dns.Count("late.example", LoopbackDnsServer.TypeA));
    }

    [Fact]
    public async Task Flatten_ReportsPtrAndMacros_AndExpandsTheDomainMacro()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("m.example", "v=spf1 ptr a:%{l}.m.example include:_spf.%{d} ip4:192.0.2.9 -all")
            .Txt("_spf.m.example", "v=spf1 a:%{o}  exp=explain.%{d} x-note=hello -all")
            .Address("m.example", "198.51.100.7");

        var result = await FlattenAsync(dns, "m.example");

        Assert.True(result.Succeeded);
        Assert.Equal(["192.0.2.9/32", "198.51.100.7/32"], Ranges(result));
        Assert.Equal(["ptr", "a:%{l}.m.example"], result.Unflattenable.Select(u => u.Term));
        Assert.Contains("RF1324", Codes(result));
        Assert.Equal(4, result.Lookups);
    }

    [Fact]
    public async Task Flatten_WarnsAboutAnIncludeWithoutRecord_AndCountsItsVoidLookup()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("i.example", "v=spf1 include:missing.i.example ip4:192.0.2.1 -all");

        var result = await FlattenAsync(dns, "i.example");

        Assert.True(result.Succeeded);
        Assert.Contains("RF1315", Codes(result));
        Assert.Equal(1, result.VoidLookups);
    }

    [Fact]
    public async Task Flatten_ReportsASyntaxError_AsAnError()
    {
        using var dns = new LoopbackDnsServer().Txt("bad.example", "v=spf1 ip4:192.0.2.300 frob:x.example -all");

        var result = await FlattenAsync(dns, "bad.example");

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == "RF1313"));
    }

    [Fact]
    public async Task Flatten_ReportsADomainWithoutSpf_AsAnError()
    {
        using var dns = new LoopbackDnsServer().Txt("nospf.example", "hello");

        var result = await FlattenAsync(dns, "nospf.example");

        Assert.False(result.Succeeded);
        Assert.Equal(["RF1311"], Codes(result));
    }
}
