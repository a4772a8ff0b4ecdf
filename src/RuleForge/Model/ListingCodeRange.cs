namespace RuleForge.Model;

/// <summary>An inclusive range of 127.x.y.z answers, held as 32-bit integers.</summary>
public readonly record struct ListingCodeRange(uint First, uint Last)
{
    /// <summary>True when the answer lies in the range.</summary>
    public bool Contains(uint answer) => answer >= First && answer <= Last;

    /// <summary>Every address in the range, in order.</summary>
    public IEnumerable<uint> Addresses()
    {
        for (var a = First; a <= Last && a >= First; a++)
        {
            yield return a;
            if (a == uint.MaxValue)
            {
                yield break;
            }
        }
    }

    /// <summary>Formats one 32-bit answer as dotted text.</summary>
    public static string Format(uint a) => $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";

    /// <inheritdoc />
    public override string ToString() => First == Last ? Format(First) : $"{Format(First)}-{Format(Last)}";
}
