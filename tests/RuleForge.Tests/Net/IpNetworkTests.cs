using RuleForge.Net;
using Xunit;

namespace RuleForge.Tests.Net;

public class IpNetworkTests
{
    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.0/24")]
    [InlineData("192.0.2.7", "192.0.2.7/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("2001:DB8:0:0:0:0:0:0/32", "2001:db8::/32")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0000/48", "2001:db8::/48")]
    [InlineData("::/0", "::/0")]
    public void TryParse_GivesCanonicalText(string text, string expected)
    {
        Assert.True(IpNetwork.TryParse(text, out var network, out var hostBits));
        Assert.False(hostBits);
        Assert.Equal(expected, network.ToString());
    }

    [Theory]
    [InlineData("192.0.2.1/24", "192.0.2.0/24")]
    [InlineData("40.92.1.0/16", "40.92.0.0/16")]
    [InlineData("2001:db8::1/64", "2001:db8::/64")]
    public void TryParse_ReportsHostBits_AndGivesTheCanonicalNetwork(string text, string canonical)
    {
        Assert.True(IpNetwork.TryParse(text, out var network, out var hostBits));
        Assert.True(hostBits);
        Assert.Equal(canonical, network.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("192.0.2.0/33")]
    [InlineData("192.0.2.0/")]
    [InlineData("192.0.2.0/-1")]
    [InlineData("192.0.2.0/+8")]
    [InlineData("192.0.2/24")]
    [InlineData("1")]
    [InlineData("010.0.0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("192.0.2.0.1")]
    [InlineData("2001:db8::/129")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8:::1")]
    [InlineData("example.com")]
    public void TryParse_Refuses_WhatIsNotANetwork(string text) =>
        Assert.False(IpNetwork.TryParse(text, out _, out _));

    [Fact]
    public void Contains_AndOverlaps_RespectFamilyAndBounds()
    {
        var wide = Parse("10.0.0.0/8");
        var narrow = Parse("10.1.0.0/16");
        var other = Parse("11.0.0.0/8");
        var v6 = Parse("::a00:0/104");

        Assert.True(wide.Contains(narrow));
        Assert.False(narrow.Contains(wide));
        Assert.True(narrow.Overlaps(wide));
        Assert.False(wide.Overlaps(other));
        Assert.False(wide.Overlaps(v6));
        Assert.Equal((UInt128)65536, narrow.Size);
    }

    [Fact]
    public void CompareTo_PutsIpv4First()
    {
        var sorted = new[] { Parse("2001:db8::/32"), Parse("198.51.100.0/24"), Parse("192.0.2.0/24") }.Order();

        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24", "2001:db8::/32"], sorted.Select(n => n.ToString()));
    }

    internal static IpNetwork Parse(string text) =>
        IpNetwork.TryParse(text, out var n, out var hostBits) && !hostBits
            ? n
            : throw new ArgumentException($"bad test network {text}", nameof(text));
}
