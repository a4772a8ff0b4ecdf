using System.Globalization;
using System.Net;

namespace RuleForge.Tests.RangesMerge;

/// <summary>
/// A slow, obviously correct model of 'ranges merge' on two small windows of 4096 addresses
/// (10.0.0.0/20 and the top /116 of IPv6): one flag per address, and a cover that takes, from
/// each covered address not yet printed, the largest aligned block whose addresses are all set.
/// </summary>
internal sealed class ReferenceCover
{
    private const int WindowBits = 12;
    private const int Size = 1 << WindowBits;
    private static readonly byte[] V6Base = Enumerable.Repeat((byte)0xFF, 16).ToArray();

    private readonly bool[] _v4 = new bool[Size];
    private readonly bool[] _v6 = new bool[Size];

    /// <summary>Marks a random network with random host bits and returns the line that says so.</summary>
    public string AddRandom(Random random)
    {
        var v6 = random.Next(2) == 0;
        var offset = random.Next(Size);
        var bare = random.Next(3) == 0;
        var hostBits = bare ? 0 : random.Next(WindowBits + 1);
        var start = offset & ~((1 << hostBits) - 1);
        var marks = v6 ? _v6 : _v4;
        for (var a = start; a < start + (1 << hostBits); a++)
        {
            marks[a] = true;
        }

        var written = bare ? Address(v6, offset) : $"{Address(v6, offset)}/{(v6 ? 128 : 32) - hostBits}";
        return random.Next(4) switch
        {
            0 => $"  {written}\t",
            1 => $"{written} # comment",
            _ => written,
        };
    }

    /// <summary>The expected output lines, IPv4 first.</summary>
    public IEnumerable<string> Cover() => Cover(_v4, v6: false).Concat(Cover(_v6, v6: true));

    private static IEnumerable<string> Cover(bool[] marks, bool v6)
    {
        var a = 0;
        while (a < Size)
        {
            if (!marks[a])
            {
                a++;
                continue;
            }

            var k = WindowBits;
            while (a % (1 << k) != 0 || !AllSet(marks, a, 1 << k))
            {
                k--;
            }

            yield return $"{Address(v6, a)}/{(v6 ? 128 : 32) - k}";
            a += 1 << k;
        }
    }

    private static bool AllSet(bool[] marks, int start, int count) =>
        start + count <= Size && marks.AsSpan(start, count).IndexOf(false) < 0;

    private static string Address(bool v6, int offset)
    {
        if (!v6)
        {
            return string.Create(CultureInfo.InvariantCulture, $"10.0.{offset >> 8}.{offset & 255}");
        }

        var bytes = (byte[])V6Base.Clone();
        bytes[14] = (byte)(0xF0 | (offset >> 8));
        bytes[15] = (byte)offset;
        return new IPAddress(bytes).ToString();
    }
}
