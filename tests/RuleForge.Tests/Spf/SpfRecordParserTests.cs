using RuleForge.Resolution.Dns;
using RuleForge.Resolution.Spf;
using Xunit;

namespace RuleForge.Tests.Spf;

public class SpfRecordParserTests
{
    [Theory]
    [InlineData("v=spf1", true)]
    [InlineData("V=SPF1 -all", true)]
    [InlineData("v=spf10 -all", false)]
    [InlineData("v=spf1-all", false)]
    [InlineData("spf2.0/pra -all", false)]
    public void IsSpfRecord_NeedsTheVersionAloneOrFollowedByASpace(string text, bool expected) =>
        Assert.Equal(expected, SpfRecordParser.IsSpfRecord(text));

    [Theory]
    [InlineData("a", null, 32, 128)]
    [InlineData("a/24", null, 24, 128)]
    [InlineData("a//64", null, 32, 64)]
    [InlineData("a:mail.example/24//64", "mail.example", 24, 64)]
    [InlineData("MX:mail.example//48", "mail.example", 32, 48)]
    public void Parse_ReadsDualCidrLengths(string term, string? domain, int v4, int v6)
    {
        var record = SpfRecordParser.Parse($"v=spf1 {term} -all");

        Assert.Empty(record.Errors);
        var parsed = record.Terms[0];
        Assert.Equal(domain, parsed.DomainSpec);
        Assert.Equal(v4, parsed.V4Prefix);
        Assert.Equal(v6, parsed.V6Prefix);
    }

    [Theory]
    [InlineData("a/33")]
    [InlineData("a//129")]
    [InlineData("ip4:2001:db8::/32")]
    [InlineData("ip6:192.0.2.1")]
    [InlineData("include")]
    [InlineData("all:x.example")]
    [InlineData("foo:x.example")]
    [InlineData("redirect=a.example redirect=b.example")]
    public void Parse_ReportsInvalidTerms(string terms) =>
        Assert.NotEmpty(SpfRecordParser.Parse($"v=spf1 {terms}").Errors);

    [Fact]
    public void Parse_ReadsQualifiersAndModifiers()
    {
        var record = SpfRecordParser.Parse("v=spf1  -ip4:192.0.2.1/24 ~a ?mx +ptr exp=e.%{d} redirect=r.example x=1");

        Assert.Empty(record.Errors);
        Assert.Equal(
            [SpfQualifier.Fail, SpfQualifier.SoftFail, SpfQualifier.Neutral, SpfQualifier.Pass],
            record.Terms.Select(t => t.Qualifier));
        Assert.Equal("192.0.2.0/24", record.Terms[0].Network.ToString());
        Assert.Equal("r.example", record.Redirect!.Value);
        Assert.Equal(["exp", "redirect", "x"], record.Modifiers.Select(m => m.Name));
    }

    [Theory]
    [InlineData("_spf.%{d}", "_spf.mail.example.com")]
    [InlineData("%{d2}", "example.com")]
    [InlineData("%{dr}.rev", "com.example.mail.rev")]
    [InlineData("%{o}", "sender.example")]
    [InlineData("a%%b%_c%-d.example", "a%b c%20d.example")]
    public void Macro_ExpandsTheDomainLetters(string spec, string expected)
    {
        Assert.True(SpfMacro.TryExpand(spec, "mail.example.com", "sender.example", out var expanded, out _));
        Assert.Equal(expected, expanded);
    }

    [Theory]
    [InlineData("%{i}._spf.example", "%{i}")]
    [InlineData("%{ir}.%{v}._spf.%{d}", "%{ir}")]
    [InlineData("x.%{l1r-}.example", "%{l1r-}")]
    [InlineData("bad%x.example", "%x")]
    public void Macro_RefusesLettersThatDependOnTheMessage(string spec, string blocker)
    {
        Assert.False(SpfMacro.TryExpand(spec, "d.example", "o.example", out _, out var found));
        Assert.Equal(blocker, found);
    }

    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1", 5353)]
    [InlineData("127.0.0.1", "127.0.0.1", 53)]
    [InlineData("[::1]:5353", "::1", 5353)]
    [InlineData("::1", "::1", 53)]
    public void DnsServer_ParsesAddressAndPort(string text, string address, int port)
    {
        Assert.True(DnsSettings.TryParseServer(text, out var endpoint));
        Assert.Equal(address, endpoint.Address.ToString());
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("dns.example:53")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.1:53")]
    [InlineData("[::1]x")]
    public void DnsServer_RefusesNamesAndBadPorts(string text) =>
        Assert.False(DnsSettings.TryParseServer(text, out _));
}
