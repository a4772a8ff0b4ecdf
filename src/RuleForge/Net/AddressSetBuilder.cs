namespace RuleForge.Net;

/// <summary>
/// Collects networks or ranges of both families and turns them into an <see cref="AddressSet"/>
/// with one sort and one merge pass. IPv4 ranges are packed into one 64-bit word each
/// (first address high, last address low) so a million of them sort as plain integers.
/// </summary>
public sealed class AddressSetBuilder
{
    private ulong[] _v4;
    private int _v4Count;
    private AddressRange[] _v6;
    private int _v6Count;

    /// <summary>Starts an empty builder with room for <paramref name="capacity"/> IPv4 ranges.</summary>
    public AddressSetBuilder(int capacity = 16)
    {
        _v4 = new ulong[Math.Max(capacity, 4)];
        _v6 = new AddressRange[4];
    }

    /// <summary>How many networks or ranges were added.</summary>
    public int Count => _v4Count + _v6Count;

    /// <summary>Adds every address of a network.</summary>
    public void Add(IpNetwork network) => Add(network.Family, network.First, network.Last);

    /// <summary>Adds the addresses from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public void Add(IpFamily family, UInt128 first, UInt128 last)
    {
        if (first > last)
        {
            throw new ArgumentException($"range start {first} is after its end {last}", nameof(first));
        }

        if (family == IpFamily.V4)
        {
            if (last > uint.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(last), "an IPv4 address has 32 bits");
            }

            AddV4((uint)first, (uint)last);
        }
        else
        {
            AddV6(first, last);
        }
    }

    /// <summary>Adds an IPv4 range; <paramref name="first"/> must not be after <paramref name="last"/>.</summary>
    public void AddV4(uint first, uint last)
    {
        if (_v4Count == _v4.Length)
        {
            Array.Resize(ref _v4, _v4.Length * 2);
        }

        _v4[_v4Count++] = ((ulong)first << 32) | last;
    }

    /// <summary>Adds an IPv6 range; <paramref name="first"/> must not be after <paramref name="last"/>.</summary>
    public void AddV6(UInt128 first, UInt128 last)
    {
        if (_v6Count == _v6.Length)
        {
            Array.Resize(ref _v6, _v6.Length * 2);
        }

        _v6[_v6Count++] = new AddressRange(first, last);
    }

    /// <summary>The union of everything added. The builder can be used again afterwards.</summary>
    public AddressSet ToSet() => new(MergeV4(), AddressSet.Normalise(_v6.AsSpan(0, _v6Count)));

    private AddressRange[] MergeV4()
    {
        var items = _v4.AsSpan(0, _v4Count);
        items.Sort();
        var merged = new List<AddressRange>(Math.Min(items.Length, 1 << 20));
        var i = 0;
        while (i < items.Length)
        {
            var first = (uint)(items[i] >> 32);
            var last = (uint)items[i];
            i++;

            // Extend while the next range starts inside or right after the current one.
            while (i < items.Length && last != uint.MaxValue && (uint)(items[i] >> 32) <= last + 1)
            {
                last = Math.Max(last, (uint)items[i]);
                i++;
            }

            while (i < items.Length && last == uint.MaxValue)
            {
                i++;
            }

            merged.Add(new AddressRange(first, last));
        }

        return [.. merged];
    }
}
