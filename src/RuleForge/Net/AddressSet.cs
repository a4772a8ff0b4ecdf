namespace RuleForge.Net;

/// <summary>
/// A set of addresses of both families, held as sorted, disjoint, non-adjacent intervals.
/// All operations work on intervals, never on single addresses, so a /8 costs as much as a /32.
/// </summary>
public sealed class AddressSet
{
    private readonly List<(UInt128 First, UInt128 Last)> _v4;
    private readonly List<(UInt128 First, UInt128 Last)> _v6;

    private AddressSet(List<(UInt128, UInt128)> v4, List<(UInt128, UInt128)> v6)
    {
        _v4 = v4;
        _v6 = v6;
    }

    /// <summary>The empty set.</summary>
    public static AddressSet Empty { get; } = new([], []);

    /// <summary>True when the set holds no address.</summary>
    public bool IsEmpty => _v4.Count == 0 && _v6.Count == 0;

    /// <summary>Builds the union of the given networks.</summary>
    public static AddressSet From(IEnumerable<IpNetwork> networks)
    {
        var v4 = new List<(UInt128, UInt128)>();
        var v6 = new List<(UInt128, UInt128)>();
        foreach (var n in networks)
        {
            (n.Family == IpFamily.V4 ? v4 : v6).Add((n.First, n.Last));
        }

        return new AddressSet(Normalise(v4), Normalise(v6));
    }

    /// <summary>The union of two sets.</summary>
    public AddressSet Union(AddressSet other) =>
        new(Normalise([.. _v4, .. other._v4]), Normalise([.. _v6, .. other._v6]));

    /// <summary>Addresses in this set that are not in <paramref name="other"/>.</summary>
    public AddressSet Except(AddressSet other) =>
        new(Subtract(_v4, other._v4), Subtract(_v6, other._v6));

    /// <summary>Addresses in both sets.</summary>
    public AddressSet Intersect(AddressSet other) => Except(Except(other));

    /// <summary>True when the address is in the set.</summary>
    public bool Contains(IpFamily family, UInt128 address)
    {
        var list = family == IpFamily.V4 ? _v4 : _v6;
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (address < list[mid].First)
            {
                hi = mid - 1;
            }
            else if (address > list[mid].Last)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every address of the network is in the set.</summary>
    public bool Covers(IpNetwork network) => From([network]).Except(this).IsEmpty;

    /// <summary>Number of addresses per family (IPv6 saturates at UInt128.MaxValue).</summary>
    public (UInt128 V4, UInt128 V6) Count() => (Sum(_v4), Sum(_v6));

    /// <summary>The minimal CIDR cover, IPv4 first, each family sorted by address.</summary>
    public IReadOnlyList<IpNetwork> ToNetworks()
    {
        var result = new List<IpNetwork>();
        AppendCover(result, IpFamily.V4, 32, _v4);
        AppendCover(result, IpFamily.V6, 128, _v6);
        return result;
    }

    private static void AppendCover(
        List<IpNetwork> result, IpFamily family, int bits, List<(UInt128 First, UInt128 Last)> list)
    {
        foreach (var (first, last) in list)
        {
            var start = first;
            while (true)
            {
                // The largest aligned block that starts at 'start' and does not pass 'last'.
                var alignBits = start == 0 ? bits : Math.Min(bits, (int)UInt128.TrailingZeroCount(start));
                var spanBits = SpanBits(start, last, bits);
                var hostBits = Math.Min(alignBits, spanBits);
                result.Add(new IpNetwork(family, start, bits - hostBits));
                var blockLast = start + IpNetwork.HostMask(bits, bits - hostBits);
                if (blockLast >= last)
                {
                    break;
                }

                start = blockLast + 1;
            }
        }
    }

    private static int SpanBits(UInt128 start, UInt128 last, int bits)
    {
        var length = last - start;
        if (length == UInt128.MaxValue)
        {
            return 128;
        }

        // floor(log2(length + 1)): the biggest power of two that fits in the interval.
        var count = length + 1;
        return Math.Min(bits, 127 - (int)UInt128.LeadingZeroCount(count));
    }

    private static List<(UInt128, UInt128)> Normalise(List<(UInt128 First, UInt128 Last)> list)
    {
        list.Sort((a, b) => a.First.CompareTo(b.First));
        var merged = new List<(UInt128, UInt128)>(list.Count);
        foreach (var (first, last) in list)
        {
            if (merged.Count > 0)
            {
                var (pf, pl) = merged[^1];
                if (pl == UInt128.MaxValue || first <= pl + 1)
                {
                    merged[^1] = (pf, last > pl ? last : pl);
                    continue;
                }
            }

            merged.Add((first, last));
        }

        return merged;
    }

    private static List<(UInt128, UInt128)> Subtract(
        List<(UInt128 First, UInt128 Last)> a, List<(UInt128 First, UInt128 Last)> b)
    {
        var result = new List<(UInt128, UInt128)>();
        var j = 0;
        foreach (var (first, last) in a)
        {
            var start = first;
            var open = true;
            while (j < b.Count && b[j].Last < start)
            {
                j++;
            }

            for (var k = j; k < b.Count && b[k].First <= last; k++)
            {
                if (b[k].First > start)
                {
                    result.Add((start, b[k].First - 1));
                }

                if (b[k].Last >= last)
                {
                    open = false;
                    break;
                }

                start = b[k].Last + 1;
            }

            if (open)
            {
                result.Add((start, last));
            }
        }

        return result;
    }

    private static UInt128 Sum(List<(UInt128 First, UInt128 Last)> list)
    {
        UInt128 total = 0;
        foreach (var (first, last) in list)
        {
            var size = last - first;
            if (size == UInt128.MaxValue || total > UInt128.MaxValue - size - 1)
            {
                return UInt128.MaxValue;
            }

            total += size + 1;
        }

        return total;
    }
}
