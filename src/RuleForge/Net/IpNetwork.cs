using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace RuleForge.Net;

/// <summary>
/// A CIDR network in canonical form: host bits are zero, IPv6 is printed as RFC 5952 text.
/// Addresses are held as 128-bit integers; IPv4 uses the low 32 bits.
/// </summary>
/// <remarks>
/// Note: laid out by the runtime (auto), so the 16-byte-aligned address comes first and a
/// network takes 32 bytes instead of 48: feeds and address sets hold millions of them.
/// </remarks>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public readonly record struct IpNetwork(IpFamily Family, UInt128 First, int Prefix)
    : IComparable<IpNetwork>
{
    /// <summary>Number of address bits in the family.</summary>
    public int Bits => Family == IpFamily.V4 ? 32 : 128;

    /// <summary>The last address in the network.</summary>
    public UInt128 Last => First | HostMask(Bits, Prefix);

    /// <summary>How many addresses the network holds (saturates at UInt128.MaxValue).</summary>
    public UInt128 Size => Prefix == 0 && Bits == 128 ? UInt128.MaxValue : (UInt128)1 << (Bits - Prefix);

    /// <summary>Parses <c>a.b.c.d/n</c>, <c>x::/n</c> or a bare address (a host network).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="network">The canonical network when parsing succeeded.</param>
    /// <param name="hostBitsSet">True when the text had host bits set; the network is then
    /// the canonical one and the caller decides whether that is an error.</param>
    public static bool TryParse(string text, out IpNetwork network, out bool hostBitsSet)
    {
        network = default;
        hostBitsSet = false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(addressText, out var family, out var value))
        {
            return false;
        }

        var bits = family == IpFamily.V4 ? 32 : 128;
        var prefix = bits;
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (prefixText.Length is 0 or > 3 || !prefixText.All(char.IsAsciiDigit)
                || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
                || prefix > bits)
            {
                return false;
            }
        }

        var first = value & ~HostMask(bits, prefix);
        hostBitsSet = first != value;
        network = new IpNetwork(family, first, prefix);
        return true;
    }

    /// <summary>Parses a bare IPv4 or IPv6 address in strict dotted or colon form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseAddress(string text, out IpFamily family, out UInt128 value)
    {
        family = IpFamily.V4;
        value = 0;
        if (text.Length == 0 || text.Length > 45 || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            family = IpFamily.V6;
            value = ToUInt128(v6.GetAddressBytes());
            return true;
        }

        // Note: IPAddress.TryParse accepts "1", "1.2" and octal forms; a policy must spell
        // IPv4 as four decimal octets, so parse it by hand (without allocating: logs call this per line).
        uint v4 = 0;
        int octets = 0, digits = 0, octet = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || ++octets > 3)
                {
                    return false;
                }

                v4 = (v4 << 8) | (uint)octet;
                digits = octet = 0;
                continue;
            }

            // One to three digits, no leading zero, at most 255.
            if (!char.IsAsciiDigit(c) || digits == 3 || (digits == 1 && octet == 0))
            {
                return false;
            }

            octet = (octet * 10) + (c - '0');
            digits++;
            if (octet > 255)
            {
                return false;
            }
        }

        if (digits == 0 || octets != 3)
        {
            return false;
        }

        value = (v4 << 8) | (uint)octet;
        return true;
    }

    /// <summary>Formats an address of a family as canonical text.</summary>
    public static string FormatAddress(IpFamily family, UInt128 value)
    {
        if (family == IpFamily.V4)
        {
            var v = (uint)value;
            return $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}";
        }

        var bytes = new byte[16];
        for (var i = 15; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }

    /// <summary>True when the address lies in this network.</summary>
    public bool Contains(IpFamily family, UInt128 address) =>
        family == Family && address >= First && address <= Last;

    /// <summary>True when <paramref name="other"/> lies wholly in this network.</summary>
    public bool Contains(IpNetwork other) =>
        other.Family == Family && other.First >= First && other.Last <= Last;

    /// <summary>True when the two networks share at least one address.</summary>
    public bool Overlaps(IpNetwork other) =>
        other.Family == Family && other.First <= Last && First <= other.Last;

    /// <inheritdoc />
    public int CompareTo(IpNetwork other)
    {
        var byFamily = Family.CompareTo(other.Family);
        if (byFamily != 0)
        {
            return byFamily;
        }

        var byFirst = First.CompareTo(other.First);
        return byFirst != 0 ? byFirst : Prefix.CompareTo(other.Prefix);
    }

    /// <inheritdoc />
    public override string ToString() => $"{FormatAddress(Family, First)}/{Prefix}";

    internal static UInt128 HostMask(int bits, int prefix)
    {
        var hostBits = bits - prefix;
        return hostBits == 0 ? 0 : hostBits == 128 ? UInt128.MaxValue : ((UInt128)1 << hostBits) - 1;
    }

    private static UInt128 ToUInt128(byte[] bytes)
    {
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
