namespace RuleForge.Planning;

/// <summary>
/// Writes an inclusive range of whole numbers (0-255, one address octet) as a short list of
/// digit patterns such as "[2-9]" and "1[01]" — valid both as regex alternatives and as Lua
/// patterns, which have no alternation.
/// </summary>
public static class DecimalRange
{
    /// <summary>Patterns that together match exactly the decimal numbers from first to last.</summary>
    public static IReadOnlyList<string> Patterns(int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, last);
        var patterns = new List<string>();
        for (int length = 1, low = 0; low <= last; length++, low = low == 0 ? 10 : low * 10)
        {
            var high = low == 0 ? 9 : (low * 10) - 1;
            var from = Math.Max(first, low);
            var to = Math.Min(last, high);
            if (from <= to)
            {
                AddSameLength(patterns, from, to, length);
            }
        }

        return patterns;
    }

    private static void AddSameLength(List<string> patterns, int from, int to, int length)
    {
        var start = from;
        while (start <= to)
        {
            // The biggest aligned block 10^k that starts here, fits, and keeps one leading digit.
            var size = 1;
            while (size * 10 < Pow10(length) && start % (size * 10) == 0 && start + (size * 10) - 1 <= to)
            {
                size *= 10;
            }

            // Several such blocks in a row differ only in one digit: one character class.
            var count = 1;
            while ((start / size % 10) + count <= 9 && start + ((count + 1) * size) - 1 <= to)
            {
                count++;
            }

            var prefix = (start / size).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var digit = prefix[^1] - '0';
            var head = prefix[..^1];
            var cls = count == 1 ? $"{digit}" : $"[{digit}-{digit + count - 1}]";
            var tail = string.Concat(Enumerable.Repeat("[0-9]", (int)Math.Log10(size)));
            patterns.Add(head + cls + tail);
            start += count * size;
        }
    }

    private static int Pow10(int n) => (int)Math.Pow(10, n);
}
