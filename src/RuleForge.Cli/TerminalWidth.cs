using System.Globalization;
using System.Text;

namespace RuleForge.Cli;

/// <summary>
/// How many terminal columns a character takes: 0 for combining marks, 2 for East Asian wide
/// and fullwidth characters and emoji, 1 otherwise.
/// </summary>
internal static class TerminalWidth
{
    // Limitation: the wide ranges are the main blocks of Unicode's East Asian Width "W" and "F"
    // classes, not the full table; a rare wide character elsewhere counts as one column.
    private static readonly (int First, int Last)[] Wide =
    [
        (0x1100, 0x115F), (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
        (0xA000, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFF60),
        (0xFFE0, 0xFFE6), (0x1F300, 0x1F64F), (0x1F900, 0x1F9FF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ];

    /// <summary>The columns <paramref name="rune"/> takes on a terminal.</summary>
    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        var value = rune.Value;
        return Wide.Any(r => value >= r.First && value <= r.Last) ? 2 : 1;
    }
}
