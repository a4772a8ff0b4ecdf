namespace RuleForge.Net;

/// <summary>Writes the minimal CIDR cover of a set as UTF-8 lines, IPv4 first, buffered.</summary>
public static class RangeListWriter
{
    private const int BufferBytes = 1 << 16;

    /// <summary>
    /// Writes one network a line. With <paramref name="bareHosts"/>, a /32 or /128 is written as
    /// the bare address, as FireHOL's iprange prints single addresses.
    /// </summary>
    public static void Write(AddressSet set, Stream output, bool bareHosts)
    {
        var buffer = new byte[BufferBytes];
        var used = 0;
        foreach (var family in (ReadOnlySpan<IpFamily>)[IpFamily.V4, IpFamily.V6])
        {
            var bits = family == IpFamily.V4 ? 32 : 128;
            foreach (var range in set.Ranges(family))
            {
                var start = range.First;
                while (true)
                {
                    if (buffer.Length - used < AddressText.MaxLength + 1)
                    {
                        output.Write(buffer, 0, used);
                        used = 0;
                    }

                    var prefix = AddressSet.LargestBlock(start, range.Last, bits);
                    AddressText.TryFormat(buffer.AsSpan(used), family, start, prefix, bareHosts, out var written);
                    used += written;
                    buffer[used++] = (byte)'\n';
                    var blockLast = start | IpNetwork.HostMask(bits, prefix);
                    if (blockLast >= range.Last)
                    {
                        break;
                    }

                    start = blockLast + 1;
                }
            }
        }

        output.Write(buffer, 0, used);
        output.Flush();
    }
}
