using System.Text;
using RuleForge.Net;
using Xunit;

namespace RuleForge.Tests.Net;

public class AddressTextTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1::")]
    [InlineData("2001:db8::1:0:0:1")]
    [InlineData("2001:db8:0:1:0:0:0:1")]
    [InlineData("1:0:0:2:0:0:0:3")]
    [InlineData("1:0:2:0:3:0:4:0")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("::192.0.2.1")]
    [InlineData("::ffff:0:192.0.2.1")]
    [InlineData("fe80::5efe:192.0.2.1")]
    [InlineData("::ffff:0.0.0.1")]
    [InlineData("::ffff:0:0")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void Format_WritesWhatIpNetworkWrites(string address)
    {
        var expected = IpNetworkTests.Parse(address + (address.Contains(':') ? "/128" : "/32"));

        Assert.Equal(expected.ToString(), Format(expected));
    }

    [Fact]
    public void Format_AgreesWithIpNetwork_OnRandomAddressesWithZeroGroups()
    {
        var random = new Random(5952);
        for (var i = 0; i < 20_000; i++)
        {
            // Each group is zero half of the time, so runs of zeros of every length occur.
            UInt128 value = 0;
            for (var g = 0; g < 8; g++)
            {
                value = (value << 16) | (uint)(random.Next(2) == 0 ? 0 : random.Next(1, 65536));
            }

            var prefix = random.Next(129);
            var network = new IpNetwork(IpFamily.V6, value & ~HostMask(128, prefix), prefix);

            Assert.Equal(network.ToString(), Format(network));
        }
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("0.0.0.0")]
    [InlineData("2001:DB8::1")]
    [InlineData("::")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("1::8")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::2:3:4:5:6:7:8")]
    [InlineData("192.0.2.01")]
    [InlineData("192.0.2")]
    [InlineData("192.0.2.256")]
    [InlineData("192.0.2.1.")]
    [InlineData(".192.0.2.1")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1::2::3")]
    [InlineData(":::")]
    [InlineData(":1")]
    [InlineData("1:")]
    [InlineData("12345::")]
    [InlineData("g::")]
    [InlineData("::1.2.3")]
    [InlineData("1.2.3.4::")]
    [InlineData("fe80::1%eth0")]
    [InlineData("")]
    [InlineData(" 1.2.3.4")]
    public void ParseAddress_AcceptsExactlyWhatIpNetworkAccepts(string text)
    {
        var expected = IpNetwork.TryParseAddress(text, out var family, out var value);

        var actual = AddressText.TryParseAddress(Encoding.UTF8.GetBytes(text), out var f, out var v);

        Assert.Equal(expected, actual);
        if (expected)
        {
            Assert.Equal((family, value), (f, v));
        }
    }

    [Theory]
    [InlineData("10.0.0.0/8", AddressParseStatus.Ok, 8)]
    [InlineData("10.0.0.0", AddressParseStatus.Ok, 32)]
    [InlineData("2001:db8::", AddressParseStatus.Ok, 128)]
    [InlineData("10.0.0.0/33", AddressParseStatus.BadPrefix, 0)]
    [InlineData("10.0.0.0/", AddressParseStatus.BadPrefix, 0)]
    [InlineData("10.0.0.0/-1", AddressParseStatus.BadPrefix, 0)]
    [InlineData("2001:db8::/129", AddressParseStatus.BadPrefix, 0)]
    [InlineData("2001:db8::/0128", AddressParseStatus.BadPrefix, 0)]
    [InlineData("10.0.0/8", AddressParseStatus.BadAddress, 0)]
    public void ParseNetwork_TellsABadPrefixFromABadAddress(string text, AddressParseStatus status, int prefix)
    {
        var actual = AddressText.TryParseNetwork(Encoding.UTF8.GetBytes(text), out _, out _, out var p);

        Assert.Equal(status, actual);
        if (status == AddressParseStatus.Ok)
        {
            Assert.Equal(prefix, p);
        }
    }

    [Fact]
    public void Format_WithBareHosts_LeavesOutOnlyTheFullPrefix()
    {
        Assert.Equal("192.0.2.1", Format(IpNetworkTests.Parse("192.0.2.1/32"), bareHost: true));
        Assert.Equal("192.0.2.0/31", Format(IpNetworkTests.Parse("192.0.2.0/31"), bareHost: true));
        Assert.Equal("2001:db8::1", Format(IpNetworkTests.Parse("2001:db8::1/128"), bareHost: true));
    }

    private static string Format(IpNetwork network, bool bareHost = false)
    {
        var buffer = new byte[AddressText.MaxLength];
        Assert.True(AddressText.TryFormat(buffer, network.Family, network.First, network.Prefix, bareHost, out var n));
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    private static UInt128 HostMask(int bits, int prefix) =>
        prefix == 0 ? UInt128.MaxValue : prefix == bits ? 0 : (UInt128.One << (bits - prefix)) - 1;
}
