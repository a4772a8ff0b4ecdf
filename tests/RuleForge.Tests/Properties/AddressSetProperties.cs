using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RuleForge.Net;

namespace RuleForge.Tests.Properties;

/// <summary>
/// Laws of the CIDR engine, through its public API only: set algebra, the minimal cover
/// against a brute-force reference over a 256-address universe, and parse/format round trips.
/// The universes sit at the bottom, in the middle and at the very top of each family, where
/// off-by-one and overflow mistakes live.
/// </summary>
public class AddressSetProperties
{
    private const int Universe = 256;

    private static readonly (IpFamily Family, UInt128 Base)[] Bases =
    [
        (IpFamily.V4, 0),
        (IpFamily.V4, 0x0A000000),
        (IpFamily.V4, 0xFFFFFF00),
        (IpFamily.V6, 0),
        (IpFamily.V6, UInt128.MaxValue - 255),
    ];

    [Property(MaxTest = 300)]
    public Property UnionIntersectionAndDifference_AgreeWithMembership() =>
        Prop.ForAll(ThreeSets().ToArbitrary(), t =>
        {
            var (b, x, y, z) = t;
            var (a, c, d) = (Set(b, x), Set(b, y), Set(b, z));
            var union = a.Union(c);
            var both = a.Intersect(c);
            var only = a.Except(c);
            for (var i = 0; i < Universe; i++)
            {
                var address = b.Base + (UInt128)i;
                Assert(union.Contains(b.Family, address) == (x[i] || y[i]), "union", i);
                Assert(both.Contains(b.Family, address) == (x[i] && y[i]), "intersection", i);
                Assert(only.Contains(b.Family, address) == (x[i] && !y[i]), "difference", i);
            }

            Assert(Same(a.Union(c), c.Union(a)), "union commutes", 0);
            Assert(Same(a.Union(c).Union(d), a.Union(c.Union(d))), "union associates", 0);
            Assert(Same(a.Intersect(c.Union(d)), a.Intersect(c).Union(a.Intersect(d))), "distributes", 0);
            Assert(Same(only.Union(both), a), "(A-B) u (A n B) = A", 0);
            Assert(only.Intersect(c).IsEmpty, "(A-B) n B is empty", 0);
            Assert(Same(a.Except(c.Union(d)), a.Except(c).Intersect(a.Except(d))), "De Morgan", 0);
            return true;
        });

    [Property(MaxTest = 300)]
    public Property MinimalCover_IsExactAndAsSmallAsTheReference() =>
        Prop.ForAll(OneSet().ToArbitrary(), t =>
        {
            var (b, bits) = t;
            var cover = Set(b, bits).ToNetworks();
            var covered = new bool[Universe];
            foreach (var n in cover)
            {
                Assert(n.Family == b.Family && n.First >= b.Base && n.Last <= b.Base + (Universe - 1), "inside", 0);
                for (var a = n.First; ; a++)
                {
                    var i = (int)(a - b.Base);
                    Assert(!covered[i], "networks of the cover overlap", i);
                    covered[i] = true;
                    if (a == n.Last)
                    {
                        break;
                    }
                }
            }

            Assert(covered.SequenceEqual(bits), "the cover is not exact", 0);
            Assert(cover.Count == ReferenceCoverSize(bits), $"cover of {cover.Count} networks is not minimal", 0);
            Assert(cover.Zip(cover.Skip(1)).All(p => p.First.First < p.Second.First), "the cover is not sorted", 0);
            return true;
        });

    [Property(MaxTest = 500)]
    public Property Format_ThenParse_GivesTheSameNetwork() =>
        Prop.ForAll(Networks().ToArbitrary(), n =>
        {
            var text = n.ToString();
            return IpNetwork.TryParse(text, out var back, out var hostBits) && !hostBits && back == n;
        });

    [Property(MaxTest = 500)]
    public Property Parse_WithHostBits_ReportsThemAndGivesTheCanonicalNetwork() =>
        Prop.ForAll(Networks().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (n, noise) =>
        {
            var hostMask = n.Last - n.First;
            var address = n.First | ((UInt128)(uint)noise * 0x9E3779B97F4A7C15UL & hostMask);
            var text = $"{IpNetwork.FormatAddress(n.Family, address)}/{n.Prefix}";
            return IpNetwork.TryParse(text, out var back, out var hostBits)
                && back == n && hostBits == (address != n.First);
        });

    [Property(MaxTest = 1000)]
    public Property Parse_NeverThrows_OnArbitraryText(string? text)
    {
        _ = IpNetwork.TryParse(text ?? "", out _, out _);
        _ = IpNetwork.TryParseAddress(text ?? "", out _, out _);
        return true.ToProperty();
    }

    [Property(MaxTest = 1000)]
    public Property Parse_NeverThrows_OnNearMissNetworks() =>
        Prop.ForAll(NearMisses().ToArbitrary(), text =>
        {
            if (IpNetwork.TryParse(text, out var n, out _))
            {
                // Whatever parses prints as a network that parses back to itself.
                return IpNetwork.TryParse(n.ToString(), out var again, out var hb) && !hb && again == n;
            }

            return true;
        });

    private static void Assert(bool condition, string what, int at)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{what} (at offset {at})");
        }
    }

    private static bool Same(AddressSet a, AddressSet b) => a.ToNetworks().SequenceEqual(b.ToNetworks());

    // Note: a block belongs to the minimal cover exactly when it is full and its parent is not;
    // this counts those blocks, an algorithm unlike the engine's interval walk.
    private static int ReferenceCoverSize(bool[] bits)
    {
        var count = 0;
        for (var size = 1; size <= Universe; size *= 2)
        {
            for (var start = 0; start < Universe; start += size)
            {
                var full = bits.Skip(start).Take(size).All(x => x);
                var parentStart = start / (size * 2) * (size * 2);
                var parentFull = size * 2 <= Universe && bits.Skip(parentStart).Take(size * 2).All(x => x);
                if (full && !parentFull)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static AddressSet Set((IpFamily Family, UInt128 Base) b, bool[] bits)
    {
        var networks = new List<IpNetwork>();
        for (var i = 0; i < Universe; i++)
        {
            if (bits[i])
            {
                networks.Add(new IpNetwork(b.Family, b.Base + (UInt128)i, b.Family == IpFamily.V4 ? 32 : 128));
            }
        }

        // Note: half the time the set is built from a shuffled mix of hosts and their
        // aggregate, so From must merge overlapping and adjacent input.
        return AddressSet.From(networks.Concat(networks.Take(networks.Count / 2)).Reverse());
    }

    private static Gen<bool[]> Bits() =>
        Gen.OneOf(
            Gen.ArrayOf(Gen.Elements(true, false), Universe),
            Runs());

    // Runs of set addresses give aligned and unaligned blocks, the interesting case for a cover.
    private static Gen<bool[]> Runs() =>
        Gen.ListOf(Gen.Choose(0, Universe - 1).Zip(Gen.Choose(1, 64)))
            .Select(runs =>
            {
                var bits = new bool[Universe];
                foreach (var (start, length) in runs)
                {
                    for (var i = start; i < Math.Min(Universe, start + length); i++)
                    {
                        bits[i] = true;
                    }
                }

                return bits;
            });

    private static Gen<((IpFamily Family, UInt128 Base), bool[])> OneSet() =>
        Gen.Elements(Bases).Zip(Bits());

    private static Gen<((IpFamily Family, UInt128 Base), bool[], bool[], bool[])> ThreeSets() =>
        from b in Gen.Elements(Bases)
        from x in Bits()
        from y in Bits()
        from z in Bits()
        select (b, x, y, z);

    private static Gen<IpNetwork> Networks() =>
        from v6 in Gen.Elements(false, true)
        from prefix in Gen.Choose(0, v6 ? 128 : 32)
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        let raw = ((UInt128)(uint)hi << 96) | ((UInt128)(uint)mid << 48) | (uint)lo
        let bits = v6 ? 128 : 32
        let value = v6 ? raw : raw & 0xFFFFFFFF
        let all = bits == 128 ? UInt128.MaxValue : 0xFFFFFFFF
        let mask = prefix == 0 ? UInt128.Zero : (all << (bits - prefix)) & all
        select new IpNetwork(v6 ? IpFamily.V6 : IpFamily.V4, value & mask, prefix);

    private static Gen<string> NearMisses()
    {
        var pieces = Gen.Elements(
            "1", "0", "255", "256", "999", "01", "00", ".", ":", "::", "/", "//", "-", " ", "x", "ff", "ffff",
            "10000", "%", "1.2.3.4", "::ffff:", "/33", "/129", "/-1", "/", "0x1", "\u0661", "\n", "");
        return Gen.ListOf(pieces).Select(p => string.Concat(p));
    }
}
