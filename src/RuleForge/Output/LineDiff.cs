using System.Text;

namespace RuleForge.Output;

/// <summary>
/// A line diff (Myers' O(ND) shortest edit script) printed as a unified diff with context.
/// </summary>
public static class LineDiff
{
    /// <summary>Lines of context around each change.</summary>
    public const int Context = 3;

    private enum Op
    {
        Keep,
        Delete,
        Insert,
    }

    /// <summary>
    /// A unified diff from <paramref name="oldText"/> to <paramref name="newText"/>, or an empty
    /// string when the texts are equal.
    /// </summary>
    public static string Unified(string oldText, string newText, string oldName, string newName)
    {
        if (oldText == newText)
        {
            return "";
        }

        var (a, aEol) = SplitLines(oldText);
        var (b, bEol) = SplitLines(newText);
        var edits = Edits(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n');
        output.Append("+++ ").Append(newName).Append('\n');
        if (edits.All(e => e.Op == Op.Keep))
        {
            output.Append(aEol == bEol
                ? "(the files differ only in line endings)\n"
                : $"\\ final newline: {(aEol ? "present" : "missing")} -> {(bEol ? "present" : "missing")}\n");
            return output.ToString();
        }

        AppendHunks(output, edits);
        if (aEol != bEol)
        {
            output.Append($"\\ final newline: {(aEol ? "present" : "missing")} -> {(bEol ? "present" : "missing")}\n");
        }

        return output.ToString();
    }

    private static (string[] Lines, bool FinalNewline) SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return ([], true);
        }

        var lines = text.Split('\n');
        var final = lines[^1].Length == 0;
        return (final ? lines[..^1] : lines, final);
    }

    private static List<(Op Op, string Line)> Edits(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var max = n + m;
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        var depth = 0;
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            if (Step(a, b, v, d, offset))
            {
                depth = d;
                break;
            }
        }

        return Backtrack(a, b, trace, depth, offset);
    }

    // One round of Myers: extends every diagonal k in -d..d as far as equal lines allow.
    private static bool Step(string[] a, string[] b, int[] v, int d, int offset)
    {
        for (var k = -d; k <= d; k += 2)
        {
            var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            var x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
            var y = x - k;
            while (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }

            v[offset + k] = x;
            if (x >= a.Length && y >= b.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(Op, string)> Backtrack(string[] a, string[] b, List<int[]> trace, int depth, int offset)
    {
        var edits = new List<(Op, string)>();
        int x = a.Length, y = b.Length;
        for (var d = depth; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            var prevK = down ? k + 1 : k - 1;
            var prevX = v[offset + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                edits.Add((Op.Keep, a[--x]));
                y--;
            }

            if (x == prevX)
            {
                edits.Add((Op.Insert, b[--y]));
            }
            else
            {
                edits.Add((Op.Delete, a[--x]));
            }
        }

        while (x > 0)
        {
            edits.Add((Op.Keep, a[--x]));
        }

        edits.Reverse();
        return edits;
    }

    private static void AppendHunks(StringBuilder output, List<(Op Op, string Line)> edits)
    {
        var i = 0;
        while (i < edits.Count)
        {
            var firstChange = edits.FindIndex(i, e => e.Op != Op.Keep);
            if (firstChange < 0)
            {
                return;
            }

            var start = Math.Max(i, firstChange - Context);
            var end = HunkEnd(edits, firstChange);
            AppendHunk(output, edits, start, end);
            i = end;
        }
    }

    // The hunk runs until a stretch of more than 2 * Context unchanged lines (or the end).
    private static int HunkEnd(List<(Op Op, string Line)> edits, int from)
    {
        var last = from;
        for (var j = from; j < edits.Count; j++)
        {
            if (edits[j].Op != Op.Keep)
            {
                last = j;
            }
            else if (j - last > 2 * Context)
            {
                break;
            }
        }

        return Math.Min(edits.Count, last + 1 + Context);
    }

    private static void AppendHunk(StringBuilder output, List<(Op Op, string Line)> edits, int start, int end)
    {
        // Line numbers (1-based) of the hunk's first line in each file.
        var oldLine = 1 + edits.Take(start).Count(e => e.Op != Op.Insert);
        var newLine = 1 + edits.Take(start).Count(e => e.Op != Op.Delete);
        var hunk = edits.Skip(start).Take(end - start).ToList();
        var oldCount = hunk.Count(e => e.Op != Op.Insert);
        var newCount = hunk.Count(e => e.Op != Op.Delete);
        output.Append($"@@ -{Range(oldLine, oldCount)} +{Range(newLine, newCount)} @@\n");
        foreach (var (op, line) in hunk)
        {
            output.Append(op switch { Op.Keep => ' ', Op.Delete => '-', _ => '+' }).Append(line).Append('\n');
        }
    }

    // As diff -u prints it: an empty range names the line before it.
    private static string Range(int line, int count) => count switch
    {
        0 => $"{line - 1},0",
        1 => $"{line}",
        _ => $"{line},{count}",
    };
}
