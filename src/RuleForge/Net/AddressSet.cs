namespace RuleForge.Net;

/// <summary>
/// A set of addresses of both families, held per family as sorted, disjoint, non-adjacent
/// integer intervals. Every operation works on intervals, never on single addresses, so a /8
/// costs as much as a /32: union and difference are linear merges, membership is a binary
/// search. Build large sets with <see cref="AddressSetBuilder"/>.
/// </summary>
/// <remarks>
/// An IPv4-mapped IPv6 address (<c>::ffff:192.0.2.1</c>) is an IPv6 address here, as it is
/// for Python's <c>ipaddress</c> and on the wire: it is never folded into the IPv4 set.
/// </remarks>
public sealed class AddressSet
{
    private readonly AddressRange[] _v4;
    private readonly AddressRange[] _v6;

    internal AddressSet(AddressRange[] v4, AddressRange[] v6)
    {
        _v4 = v4;
        _v6 = v6;
    }

    /// <summary>The empty set.</summary>
    public static AddressSet Empty { get; } = new([], []);

    /// <summary>True when the set holds no address.</summary>
    public bool IsEmpty => _v4.Length == 0 && _v6.Length == 0;

    /// <summary>Builds the union of the given networks.</summary>
    public static AddressSet From(IEnumerable<IpNetwork> networks)
    {
        var builder = new AddressSetBuilder();
        foreach (var n in networks)
        {
            builder.Add(n);
        }

        return builder.ToSet();
    }

    /// <summary>The sorted, disjoint, non-adjacent intervals of one family.</summary>
    public ReadOnlySpan<AddressRange> Ranges(IpFamily family) => family == IpFamily.V4 ? _v4 : _v6;

    /// <summary>The union of two sets.</summary>
    public AddressSet Union(AddressSet other) =>
        new(Union(_v4, other._v4), Union(_v6, other._v6));

    /// <summary>Addresses in this set that are not in <paramref name="other"/>.</summary>
    public AddressSet Except(AddressSet other) =>
        new(Subtract(_v4, other._v4), Subtract(_v6, other._v6));

    /// <summary>Addresses in both sets.</summary>
    public AddressSet Intersect(AddressSet other) =>
        new(Intersect(_v4, other._v4), Intersect(_v6, other._v6));

    /// <summary>True when the address is in the set.</summary>
    public bool Contains(IpFamily family, UInt128 address)
    {
        var list = family == IpFamily.V4 ? _v4 : _v6;
        var i = IndexOfLastStartingAtOrBefore(list, address);
        return i >= 0 && address <= list[i].Last;
    }

    /// <summary>True when every address of the network is in the set.</summary>
    public bool Covers(IpNetwork network)
    {
        var list = network.Family == IpFamily.V4 ? _v4 : _v6;
        var i = IndexOfLastStartingAtOrBefore(list, network.First);
        return i >= 0 && network.Last <= list[i].Last;
    }

    /// <summary>Number of addresses per family (IPv6 saturates at UInt128.MaxValue).</summary>
    public (UInt128 V4, UInt128 V6) Count() => (Sum(_v4), Sum(_v6));

    /// <summary>The minimal CIDR cover, IPv4 first, each family sorted by address.</summary>
    public IReadOnlyList<IpNetwork> ToNetworks()
    {
        var result = new List<IpNetwork>(_v4.Length + _v6.Length);
        result.AddRange(Cover(IpFamily.V4));
        result.AddRange(Cover(IpFamily.V6));
        return result;
    }

    /// <summary>The minimal CIDR cover of one family, sorted by address.</summary>
    public IEnumerable<IpNetwork> Cover(IpFamily family)
    {
        var list = family == IpFamily.V4 ? _v4 : _v6;
        var bits = family == IpFamily.V4 ? 32 : 128;
        foreach (var range in list)
        {
            var start = range.First;
            while (true)
            {
                var prefix = LargestBlock(start, range.Last, bits);
                yield return new IpNetwork(family, start, prefix);
                var blockLast = start | IpNetwork.HostMask(bits, prefix);
                if (blockLast >= range.Last)
                {
                    break;
                }

                start = blockLast + 1;
            }
        }
    }

    /// <summary>
    /// The prefix of the largest aligned block that starts at <paramref name="start"/> and ends
    /// at or before <paramref name="last"/>.
    /// </summary>
    public static int LargestBlock(UInt128 start, UInt128 last, int bits)
    {
        var alignBits = start == 0 ? bits : Math.Min(bits, (int)UInt128.TrailingZeroCount(start));
        var length = last - start;

        // floor(log2(length + 1)): the biggest power of two that fits in the interval.
        var spanBits = length == UInt128.MaxValue ? 128 : 127 - (int)UInt128.LeadingZeroCount(length + 1);
        return bits - Math.Min(alignBits, Math.Min(bits, spanBits));
    }

    /// <summary>Sorts and merges overlapping or adjacent ranges; sorts the span in place.</summary>
    internal static AddressRange[] Normalise(Span<AddressRange> items)
    {
        items.Sort(default(AddressRangeOrder));
        var merged = new List<AddressRange>(items.Length);
        foreach (var item in items)
        {
            if (merged.Count > 0)
            {
                var previous = merged[^1];
                if (previous.Last == UInt128.MaxValue || item.First <= previous.Last + 1)
                {
                    merged[^1] = previous with { Last = item.Last > previous.Last ? item.Last : previous.Last };
                    continue;
                }
            }

            merged.Add(item);
        }

        return [.. merged];
    }

    private static AddressRange[] Union(AddressRange[] a, AddressRange[] b)
    {
        if (a.Length == 0)
        {
            return b;
        }

        if (b.Length == 0)
        {
            return a;
        }

        // Both inputs are sorted: one merge pass, taking the lower start from either side.
        var merged = new List<AddressRange>(Math.Max(a.Length, b.Length));
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var next = j >= b.Length || (i < a.Length && a[i].First <= b[j].First) ? a[i++] : b[j++];
            if (merged.Count > 0)
            {
                var previous = merged[^1];
                if (previous.Last == UInt128.MaxValue || next.First <= previous.Last + 1)
                {
                    if (next.Last > previous.Last)
                    {
                        merged[^1] = previous with { Last = next.Last };
                    }

                    continue;
                }
            }

            merged.Add(next);
        }

        return [.. merged];
    }

    private static AddressRange[] Subtract(AddressRange[] a, AddressRange[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a;
        }

        var result = new List<AddressRange>();
        var j = 0;
        foreach (var (first, last) in a)
        {
            var start = first;
            var open = true;
            while (j < b.Length && b[j].Last < start)
            {
                j++;
            }

            for (var k = j; k < b.Length && b[k].First <= last; k++)
            {
                if (b[k].First > start)
                {
                    result.Add(new AddressRange(start, b[k].First - 1));
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
                result.Add(new AddressRange(start, last));
            }
        }

        return [.. result];
    }

    private static AddressRange[] Intersect(AddressRange[] a, AddressRange[] b)
    {
        var result = new List<AddressRange>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var first = a[i].First > b[j].First ? a[i].First : b[j].First;
            var last = a[i].Last < b[j].Last ? a[i].Last : b[j].Last;
            if (first <= last)
            {
                result.Add(new AddressRange(first, last));
            }

            // Advance whichever interval ends first; the other may still meet the next one.
            if (a[i].Last < b[j].Last)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. result];
    }

    private static int IndexOfLastStartingAtOrBefore(AddressRange[] list, UInt128 address)
    {
        int lo = 0, hi = list.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].First <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private static UInt128 Sum(AddressRange[] list)
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
