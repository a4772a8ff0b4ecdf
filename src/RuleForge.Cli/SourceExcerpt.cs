using System.Text;
using RuleForge.Diagnostics;

namespace RuleForge.Cli;

/// <summary>
/// The source line a diagnostic points at, with a caret under the problem, for a person at a
/// terminal:
/// <code>
///    14 |     zone: zen..spamhaus.org
///       |           ^~~~~~~~~~~~~~~~~
/// </code>
/// Tabs become spaces, wide characters take two columns, control characters show as '?', and a
/// long line is cut to a window around the caret.
/// </summary>
internal static class SourceExcerpt
{
    private const int TabWidth = 4;
    private const int MaxColumns = 100;
    private const int ContextBefore = 40;

    /// <summary>
    /// The two excerpt lines for <paramref name="location"/> in <paramref name="lines"/> (the
    /// file's lines), or null when the location has no line or is past the end.
    /// </summary>
    public static string[]? For(SourceLocation location, IReadOnlyList<string> lines)
    {
        if (location.Line < 1 || location.Line > lines.Count)
        {
            return null;
        }

        var line = lines[location.Line - 1].TrimEnd('\r');
        var start = Math.Clamp(location.Column - 1, 0, line.Length);
        var length = Math.Max(1, TokenLength(line, start));
        var cells = Cells(line);
        var caretFrom = cells.Where(c => c.Index < start).Sum(c => c.Width);
        var caretWidth = Math.Max(1, cells.Where(c => c.Index >= start && c.Index < start + length).Sum(c => c.Width));

        var (shown, offset) = Window(cells, caretFrom);
        caretWidth = Math.Min(caretWidth, Math.Max(1, MaxColumns - (caretFrom - offset)));
        var number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', Math.Max(5, number.Length + 1));
        return
        [
            $"{number.PadLeft(gutter.Length)} | {shown}",
            $"{gutter} | {new string(' ', caretFrom - offset)}^{new string('~', caretWidth - 1)}",
        ];
    }

    // The value that starts at the column: a quoted string up to its closing quote, else the
    // plain token up to white space or YAML/JSON punctuation.
    private static int TokenLength(string line, int start)
    {
        if (start >= line.Length)
        {
            return 1;
        }

        var first = line[start];
        if (first is '"' or '\'')
        {
            var close = line.IndexOf(first, start + 1);
            return close < 0 ? line.Length - start : close - start + 1;
        }

        if (first is '[' or '{')
        {
            return 1;
        }

        var end = start;
        while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not (',' or ']' or '}' or '#'))
        {
            end++;
        }

        return end - start;
    }

    private static List<(int Index, string Text, int Width)> Cells(string line)
    {
        var cells = new List<(int, string, int)>();
        var column = 0;
        var index = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            (string text, int width) = rune.Value switch
            {
                '\t' => (new string(' ', TabWidth - (column % TabWidth)), TabWidth - (column % TabWidth)),
                _ when Rune.IsControl(rune) => ("?", 1),
                _ => (rune.ToString(), TerminalWidth.Of(rune)),
            };
            cells.Add((index, text, width));
            column += width;
            index += rune.Utf16SequenceLength;
        }

        return cells;
    }

    // At most MaxColumns columns, starting early enough to show some text before the caret.
    private static (string Text, int Offset) Window(List<(int Index, string Text, int Width)> cells, int caretFrom)
    {
        var offset = Math.Max(0, caretFrom - ContextBefore);
        var sb = new StringBuilder();
        var column = 0;
        var shownColumns = 0;
        foreach (var (_, text, width) in cells)
        {
            if (column >= offset && shownColumns + width <= MaxColumns)
            {
                sb.Append(text);
                shownColumns += width;
            }
            else if (column < offset && column + width > offset)
            {
                // A wide character cut by the window's edge: keep the caret aligned.
                offset = column + width;
            }

            column += width;
        }

        var total = column;
        var cutLeft = offset > 0;
        var cutRight = offset + shownColumns < total;
        return ((cutLeft ? "…" : "") + sb + (cutRight ? "…" : ""), offset - (cutLeft ? 1 : 0));
    }
}
