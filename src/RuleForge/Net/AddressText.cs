using System.Buffers.Text;

namespace RuleForge.Net;

/// <summary>
/// Allocation-free parsing and formatting of addresses and networks as UTF-8 text, for inputs
/// of millions of lines. Accepts what <see cref="IpNetwork.TryParse"/> accepts: four decimal
/// octets without leading zeros, or RFC 4291 IPv6 text (with '::' and a dotted IPv4 tail), no
/// zone. Formats as <see cref="IpNetwork.ToString"/> does.
/// </summary>
public static class AddressText
{
    /// <summary>Longest text <see cref="TryFormat"/> writes: an IPv6 address with a /128.</summary>
    public const int MaxLength = 49;

    /// <summary>
    /// Parses <c>address</c> or <c>address/prefix</c>. Host bits are left as written; the caller
    /// masks them (see <see cref="IpNetwork.HostMask"/> via <see cref="Mask"/>).
    /// </summary>
    public static AddressParseStatus TryParseNetwork(
        ReadOnlySpan<byte> text, out IpFamily family, out UInt128 address, out int prefix)
    {
        var slash = text.IndexOf((byte)'/');
        var addressText = slash < 0 ? text : text[..slash];
        prefix = 0;
        if (!TryParseAddress(addressText, out family, out address))
        {
            return AddressParseStatus.BadAddress;
        }

        var bits = family == IpFamily.V4 ? 32 : 128;
        if (slash < 0)
        {
            prefix = bits;
            return AddressParseStatus.Ok;
        }

        var prefixText = text[(slash + 1)..];
        if (prefixText.Length is 0 or > 3)
        {
            return AddressParseStatus.BadPrefix;
        }

        foreach (var c in prefixText)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return AddressParseStatus.BadPrefix;
            }

            prefix = (prefix * 10) + (c - '0');
        }

        return prefix <= bits ? AddressParseStatus.Ok : AddressParseStatus.BadPrefix;
    }

    /// <summary>The first and last address of the network that holds <paramref name="address"/>.</summary>
    public static AddressRange Mask(IpFamily family, UInt128 address, int prefix)
    {
        var host = IpNetwork.HostMask(family == IpFamily.V4 ? 32 : 128, prefix);
        return new AddressRange(address & ~host, address | host);
    }

    /// <summary>Parses a bare IPv4 or IPv6 address.</summary>
    public static bool TryParseAddress(ReadOnlySpan<byte> text, out IpFamily family, out UInt128 address)
    {
        address = 0;
        if (text.IndexOf((byte)':') >= 0)
        {
            family = IpFamily.V6;
            return TryParseV6(text, out address);
        }

        family = IpFamily.V4;
        if (!TryParseV4(text, out var v4))
        {
            return false;
        }

        address = v4;
        return true;
    }

    /// <summary>Parses four decimal octets, each 0-255 without leading zeros.</summary>
    public static bool TryParseV4(ReadOnlySpan<byte> text, out uint address)
    {
        address = 0;
        var octets = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var octet = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                octet = (octet * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits is 0 or > 3 || octet > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
            octets++;
            if (octets == 4)
            {
                return i == text.Length;
            }

            if (i >= text.Length || text[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>Formats <c>address/prefix</c>; with <paramref name="bareHost"/> a host network
    /// (/32, /128) is written as the address alone.</summary>
    public static bool TryFormat(
        Span<byte> destination, IpFamily family, UInt128 address, int prefix, bool bareHost, out int written)
    {
        written = 0;
        if (destination.Length < MaxLength)
        {
            return false;
        }

        var bits = family == IpFamily.V4 ? 32 : 128;
        written = family == IpFamily.V4 ? WriteV4(destination, (uint)address) : WriteV6(destination, address);
        if (bareHost && prefix == bits)
        {
            return true;
        }

        destination[written++] = (byte)'/';
        Utf8Formatter.TryFormat(prefix, destination[written..], out var prefixLength);
        written += prefixLength;
        return true;
    }

    private static int WriteV4(Span<byte> destination, uint address)
    {
        var n = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            var octet = (address >> shift) & 255;
            if (octet >= 100)
            {
                destination[n++] = (byte)('0' + (octet / 100));
            }

            if (octet >= 10)
            {
                destination[n++] = (byte)('0' + (octet / 10 % 10));
            }

            destination[n++] = (byte)('0' + (octet % 10));
            if (shift > 0)
            {
                destination[n++] = (byte)'.';
            }
        }

        return n;
    }

    private static bool TryParseV6(ReadOnlySpan<byte> text, out UInt128 address)
    {
        address = 0;
        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        if (text.Length < 2)
        {
            return false;
        }

        if (text[0] == ':')
        {
            if (text[1] != ':')
            {
                return false;
            }

            gap = 0;
            i = 2;
        }

        while (i < text.Length)
        {
            if (count == 8)
            {
                return false;
            }

            var start = i;
            var value = 0;
            while (i < text.Length && i - start < 5 && HexValue(text[i]) is var h and >= 0)
            {
                value = (value << 4) | h;
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                // A dotted IPv4 tail fills the last two groups and ends the text.
                if (count > 6 || !TryParseV4(text[start..], out var v4))
                {
                    return false;
                }

                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                i = text.Length;
                break;
            }

            if (i == start || i - start > 4)
            {
                return false;
            }

            groups[count++] = (ushort)value;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != ':')
            {
                return false;
            }

            i++;
            if (i < text.Length && text[i] == ':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                i++;
            }
            else if (i == text.Length)
            {
                return false;
            }
        }

        if (gap < 0 ? count != 8 : count > 7)
        {
            return false;
        }

        var zeros = 8 - count;
        var g = 0;
        for (var k = 0; k < count; k++)
        {
            if (k == gap)
            {
                g += zeros;
            }

            address |= (UInt128)groups[k] << (16 * (7 - g));
            g++;
        }

        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static int WriteV6(Span<byte> destination, UInt128 address)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var k = 0; k < 8; k++)
        {
            groups[k] = (ushort)(address >> (16 * (7 - k)));
        }

        // Note: the same forms .NET's IPAddress prints, so every RuleForge output agrees: a
        // dotted IPv4 tail for IPv4-compatible, -mapped and -translated addresses and ISATAP.
        var embedded = EmbedsIpv4(groups);
        var hexGroups = embedded ? 6 : 8;
        var (gapStart, gapLength) = LongestZeroRun(groups[..hexGroups]);
        var n = 0;
        for (var k = 0; k < hexGroups; k++)
        {
            if (k == gapStart)
            {
                destination[n++] = (byte)':';
                if (k == 0)
                {
                    destination[n++] = (byte)':';
                }

                k += gapLength - 1;
                continue;
            }

            n += WriteHex(destination[n..], groups[k]);
            if (k < 7)
            {
                destination[n++] = (byte)':';
            }
        }

        if (embedded)
        {
            n += WriteV4(destination[n..], (uint)address);
        }

        return n;
    }

    private static bool EmbedsIpv4(ReadOnlySpan<ushort> g)
    {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[6] != 0)
        {
            if (g[4] == 0 && (g[5] == 0 || g[5] == 0xFFFF))
            {
                return true;
            }

            if (g[4] == 0xFFFF && g[5] == 0)
            {
                return true;
            }
        }

        return g[4] == 0 && g[5] == 0x5EFE;
    }

    private static (int Start, int Length) LongestZeroRun(ReadOnlySpan<ushort> groups)
    {
        int bestStart = -1, bestLength = 0, k = 0;
        while (k < groups.Length)
        {
            if (groups[k] != 0)
            {
                k++;
                continue;
            }

            var start = k;
            while (k < groups.Length && groups[k] == 0)
            {
                k++;
            }

            if (k - start > bestLength)
            {
                (bestStart, bestLength) = (start, k - start);
            }
        }

        // RFC 5952: a single zero group is not compressed.
        return bestLength > 1 ? (bestStart, bestLength) : (-1, 0);
    }

    private static int WriteHex(Span<byte> destination, ushort value)
    {
        var n = 0;
        for (var shift = 12; shift >= 0; shift -= 4)
        {
            var nibble = (value >> shift) & 0xF;
            if (n == 0 && nibble == 0 && shift > 0)
            {
                continue;
            }

            destination[n++] = (byte)"0123456789abcdef"[nibble];
        }

        return n;
    }
}
