using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Resolution.Dns;
using Xunit;

namespace RuleForge.Tests.Spf;

public class BlocklistCheckerTests
{
    private static readonly Blocklist Zen =
        List("zen", "zen.example", BlocklistLookup.ClientIp, 0x7F000002, 0x7F00000B);
    private static readonly Blocklist Dbl =
        List("dbl", "dbl.example", BlocklistLookup.SenderDomain, 0x7F000102, 0x7F000102);

    [Theory]
    [InlineData("192.0.2.10", "10.2.0.192.zen.example")]
    [InlineData("2001:db8::1",
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.example")]
    public void QueryName_ReversesOctetsAndNibbles(string ip, string expected)
    {
        Assert.Equal(expected, BlocklistChecker.QueryName(Zen, ip));
        Assert.Null(BlocklistChecker.QueryName(Dbl, ip));
    }

    [Fact]
    public void QueryName_PutsTheDomainUnderTheZone_ForSenderDomainLists()
    {
        Assert.Equal("partner.example.dbl.example", BlocklistChecker.QueryName(Dbl, "Partner.Example"));
        Assert.Null(BlocklistChecker.QueryName(Zen, "partner.example"));
    }

    [Fact]
    public async Task Check_NeverCountsAnErrorAnswerOrAnUnknownCode_AsAListing()
    {
        using var dns = new LoopbackDnsServer()
            .Address("1.2.0.192.zen.example", "127.255.255.254")
            .Address("2.2.0.192.zen.example", "127.0.1.2")
            .Address("3.2.0.192.zen.example", "127.0.0.3")
            .Address("spam.example.dbl.example", "127.0.1.2");
        var checker = new BlocklistChecker(new DnsLookup(SpfTestDns.Settings(dns)));

        var error = (await checker.CheckAsync([Zen], "192.0.2.1"))[0];
        var unknown = (await checker.CheckAsync([Zen], "192.0.2.2"))[0];
        var listed = (await checker.CheckAsync([Zen], "192.0.2.3"))[0];
        var clean = (await checker.CheckAsync([Zen], "192.0.2.4"))[0];
        var domain = await checker.CheckAsync([Zen, Dbl], "spam.example");

        Assert.Equal(BlocklistVerdict.ErrorAnswer, error.Verdict);
        Assert.Contains("127.255.255.0/24", error.Detail, StringComparison.Ordinal);
        Assert.Equal("RF1326", error.Diagnostic!.Code);
        Assert.Equal(BlocklistVerdict.ErrorAnswer, unknown.Verdict);
        Assert.Equal(BlocklistVerdict.Listed, listed.Verdict);
        Assert.Equal(BlocklistVerdict.NotListed, clean.Verdict);
        Assert.Equal([BlocklistVerdict.NotApplicable, BlocklistVerdict.Listed], domain.Select(a => a.Verdict));
    }

    private static Blocklist List(string id, string zone, BlocklistLookup checks, uint first, uint last) => new(
        id, null, zone, checks, [new ListingCodeRange(first, last)],
        new BlocklistActions(null, false, null, null), SourceLocation.OfFile("p.yaml"));
}
