namespace RuleForge.Audit;

/// <summary>
/// Joins Postfix-style logical lines: a line that starts with whitespace continues the one
/// before; empty lines and lines whose first non-blank character is '#' are skipped.
/// </summary>
public static class ConfigLines
{
    /// <summary>The logical lines of a file's text, each with the positions of its characters.</summary>
    public static IReadOnlyList<PositionedText> Read(string text, string file)
    {
        var result = new List<PositionedText>();
        PositionedText.Builder? current = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var piece = PositionedText.FromLine(line, file, i + 1, 1);
            if (char.IsWhiteSpace(line[0]) && current is not null)
            {
                current.Append(' ', piece.At(0)).Append(piece.Trim());
                continue;
            }

            if (current is not null)
            {
                result.Add(current.Build());
            }

            current = new PositionedText.Builder().Append(piece.Trim());
        }

        if (current is not null)
        {
            result.Add(current.Build());
        }

        return result;
    }
}
