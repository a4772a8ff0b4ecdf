using RuleForge.Net;
using Xunit;

namespace RuleForge.Tests.Net;

public class AddressSetTests
{
    [Fact]
    public void ToNetworks_MergesAdjacentBlocksIntoTheMinimalCover()
    {
        var set = Set("13.111.0.0/24", "13.111.1.0/24", "13.111.2.0/24", "13.111.3.0/24");

        Assert.Equal(["13.111.0.0/22"], Texts(set));
    }

    [Fact]
    public void ToNetworks_SplitsAnUnalignedRange()
    {
        var set = Set("13.111.1.0/24", "13.111.2.0/24", "13.111.3.0/24", "13.111.4.0/24");

        Assert.Equal(["13.111.1.0/24", "13.111.2.0/23", "13.111.4.0/24"], Texts(set));
    }

    [Fact]
    public void ToNetworks_DropsNetworksInsideOthers_AndPrintsIpv4First()
    {
        var set = Set("2001:db8:10::/48", "192.0.2.0/26", "2001:db8::/32", "192.0.2.32/27", "198.51.100.0/26");

        Assert.Equal(["192.0.2.0/26", "198.51.100.0/26", "2001:db8::/32"], Texts(set));
    }

    [Fact]
    public void Union_CombinesBothFamilies()
    {
        var union = Set("192.0.2.0/25").Union(Set("192.0.2.128/25", "2001:db8::/33", "2001:db8:8000::/33"));

        Assert.Equal(["192.0.2.0/24", "2001:db8::/32"], Texts(union));
    }

    [Fact]
    public void Except_CutsAHoleAndGivesTheCover()
    {
        var rest = Set("10.0.0.0/24").Except(Set("10.0.0.64/26"));

        Assert.Equal(["10.0.0.0/26", "10.0.0.128/25"], Texts(rest));
    }

    [Fact]
    public void Except_OfEverything_IsEmpty_AndLeavesTheOtherFamily()
    {
        var rest = Set("10.0.0.0/24", "2001:db8::/48").Except(Set("0.0.0.0/0"));

        Assert.Equal(["2001:db8::/48"], Texts(rest));
        Assert.True(Set("10.0.0.0/24").Except(Set("0.0.0.0/0")).IsEmpty);
    }

    [Fact]
    public void Intersect_KeepsOnlyCommonAddresses()
    {
        var common = Set("10.0.0.0/16", "2001:db8::/32").Intersect(Set("10.0.128.0/17", "11.0.0.0/8"));

        Assert.Equal(["10.0.128.0/17"], Texts(common));
    }

    [Fact]
    public void Covers_AndContains_AnswerForSingleAddresses()
    {
        var set = Set("192.0.2.0/25", "192.0.2.128/25");

        Assert.True(set.Covers(IpNetworkTests.Parse("192.0.2.0/24")));
        Assert.False(set.Covers(IpNetworkTests.Parse("192.0.2.0/23")));
        Assert.True(IpNetwork.TryParseAddress("192.0.2.255", out var family, out var value));
        Assert.True(set.Contains(family, value));
        Assert.False(set.Contains(IpFamily.V6, value));
    }

    [Fact]
    public void Count_CountsEachFamily_AndSaturatesForAllOfIpv6()
    {
        var (v4, v6) = Set("10.0.0.0/8", "10.0.0.0/16", "2001:db8::/127").Count();
        Assert.Equal((UInt128)16_777_216, v4);
        Assert.Equal((UInt128)2, v6);

        Assert.Equal(UInt128.MaxValue, Set("::/0").Count().V6);
        Assert.Equal(["::/0"], Texts(Set("::/0")));
        Assert.Equal(["0.0.0.0/0"], Texts(Set("0.0.0.0/1", "128.0.0.0/1")));
    }

    private static AddressSet Set(params string[] networks) => AddressSet.From(networks.Select(IpNetworkTests.Parse));

    private static List<string> Texts(AddressSet set) => set.ToNetworks().Select(n => n.ToString()).ToList();
}
