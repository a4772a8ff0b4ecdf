using RuleForge.Net;
using Xunit;

namespace RuleForge.Tests.Net;

public class AddressSetEdgeTests
{
    [Fact]
    public void WholeSpaces_StayWhole_AndAbsorbEverythingInside()
    {
        var set = Set("0.0.0.0/0", "10.0.0.0/8", "255.255.255.255/32", "::/0", "::1/128", "ffff::/16");

        Assert.Equal(["0.0.0.0/0", "::/0"], Texts(set));
        Assert.Equal(((UInt128)1 << 32, UInt128.MaxValue), set.Count());
        Assert.True(set.Contains(IpFamily.V6, UInt128.MaxValue));
        Assert.True(set.Contains(IpFamily.V4, uint.MaxValue));
    }

    [Fact]
    public void LastAddresses_MergeWithTheirNeighbours_WithoutOverflow()
    {
        var set = Set("255.255.255.254/32", "255.255.255.255/32", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");

        Assert.Equal(["255.255.255.254/31", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"], Texts(set));
    }

    [Fact]
    public void FirstAddresses_AreHostNetworks_AndAdjacentHostsMergeOnlyWhenAligned()
    {
        Assert.Equal(["0.0.0.0/32", "::/128"], Texts(Set("0.0.0.0/32", "::/128")));
        Assert.Equal(["0.0.0.1/32", "0.0.0.2/32"], Texts(Set("0.0.0.1/32", "0.0.0.2/32")));
        Assert.Equal(["0.0.0.0/30"], Texts(Set("0.0.0.1/32", "0.0.0.2/32", "0.0.0.0/32", "0.0.0.3/32")));
    }

    [Fact]
    public void AdjacentHalves_MergeUpToTheWholeSpace()
    {
        Assert.Equal(["0.0.0.0/0"], Texts(Set("128.0.0.0/1", "0.0.0.0/1")));
        Assert.Equal(["::/0"], Texts(Set("8000::/1", "::/1")));
    }

    [Fact]
    public void Ipv4MappedIpv6_StaysIpv6_AndDoesNotTouchTheIpv4Address()
    {
        var set = Set("::ffff:192.0.2.0/120");

        Assert.Equal(["::ffff:192.0.2.0/120"], Texts(set));
        Assert.False(set.Contains(IpFamily.V4, 0xC0000201));
        Assert.Equal(["192.0.2.0/24", "::ffff:192.0.2.0/120"], Texts(set.Union(Set("192.0.2.0/24"))));
    }

    [Fact]
    public void Intersect_FindsEveryOverlap_WhenOneRangeSpansSeveral()
    {
        var wide = Set("10.0.0.0/8");
        var pieces = Set("9.255.255.255/32", "10.0.0.0/24", "10.1.0.0/16", "10.255.255.255/32", "11.0.0.0/32");

        Assert.Equal(["10.0.0.0/24", "10.1.0.0/16", "10.255.255.255/32"], Texts(wide.Intersect(pieces)));
        Assert.Equal(Texts(pieces.Intersect(wide)), Texts(wide.Intersect(pieces)));
    }

    [Fact]
    public void Except_OfTheWholeSpace_LeavesTheComplement()
    {
        var rest = Set("0.0.0.0/0").Except(Set("0.0.0.0/1", "192.0.0.0/2"));

        Assert.Equal(["128.0.0.0/2"], Texts(rest));
        Assert.True(Set("::/0").Except(Set("::/0")).IsEmpty);
    }

    [Fact]
    public void Covers_NeedsOneIntervalHoldingTheWholeNetwork()
    {
        var set = Set("192.0.2.0/25", "192.0.2.128/26", "2001:db8::/32");

        Assert.True(set.Covers(IpNetworkTests.Parse("192.0.2.0/25")));
        Assert.True(set.Covers(IpNetworkTests.Parse("192.0.2.160/27")));
        Assert.False(set.Covers(IpNetworkTests.Parse("192.0.2.128/25")));
        Assert.False(set.Covers(IpNetworkTests.Parse("192.0.1.255/32")));
        Assert.True(set.Covers(IpNetworkTests.Parse("2001:db8:ffff::/48")));
        Assert.False(set.Covers(IpNetworkTests.Parse("2001:db8::/31")));
    }

    [Fact]
    public void Builder_GivesTheSameSetAsFrom_InAnyOrder()
    {
        var random = new Random(42);
        var networks = Enumerable.Range(0, 2000).Select(_ => RandomNetwork(random)).ToList();
        var builder = new AddressSetBuilder();
        foreach (var n in networks.AsEnumerable().Reverse())
        {
            builder.Add(n.Family, n.First, n.Last);
        }

        Assert.Equal(Texts(AddressSet.From(networks)), Texts(builder.ToSet()));
    }

    [Fact]
    public void Builder_RefusesABackwardsRange_AndAnIpv4RangePast32Bits()
    {
        var builder = new AddressSetBuilder();

        Assert.Throws<ArgumentException>(() => builder.Add(IpFamily.V4, 5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(IpFamily.V4, 0, (UInt128)uint.MaxValue + 1));
    }

    internal static IpNetwork RandomNetwork(Random random)
    {
        // A small window of each family, so networks overlap and touch often.
        if (random.Next(2) == 0)
        {
            var prefix = random.Next(20, 33);
            var value = (uint)(0x0A000000 | random.Next(1 << 12));
            return new IpNetwork(IpFamily.V4, value & ~(prefix == 32 ? 0u : (1u << (32 - prefix)) - 1), prefix);
        }

        var p6 = random.Next(116, 129);
        var v6 = (UInt128.MaxValue << 12) | (uint)random.Next(1 << 12);
        return new IpNetwork(IpFamily.V6, v6 & ~(p6 == 128 ? 0 : (UInt128.One << (128 - p6)) - 1), p6);
    }

    private static AddressSet Set(params string[] cidrs) => AddressSet.From(cidrs.Select(IpNetworkTests.Parse));

    private static List<string> Texts(AddressSet set) => set.ToNetworks().Select(n => n.ToString()).ToList();
}
