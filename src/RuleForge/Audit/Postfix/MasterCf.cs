using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>Reads master.cf: one service per logical line, with its -o overrides.</summary>
public static class MasterCf
{
    /// <summary>Parses master.cf text; malformed lines are reported and skipped.</summary>
    public static IReadOnlyList<PostfixService> Parse(string text, string file, DiagnosticBag findings)
    {
        var services = new List<PostfixService>();
        foreach (var line in ConfigLines.Read(text, file))
        {
            var fields = Words(line);
            if (fields.Count < 8)
            {
                findings.Report(Messages.AuditUnparsable, line.At(0), file,
                    $"'{MainCf.Short(line.Text)}' does not have the 8 master.cf fields");
                continue;
            }

            var overrides = new Dictionary<string, PostfixParameter>(StringComparer.Ordinal);
            for (var i = 8; i < fields.Count; i++)
            {
                if (fields[i].Text != "-o" || i + 1 >= fields.Count)
                {
                    continue;
                }

                var (setting, next) = OverrideText(fields, i + 1);
                i = next;
                var eq = setting.Text.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    findings.Report(Messages.AuditUnparsable, setting.At(0), file,
                        $"'-o {setting.Text}' is not '-o name=value'");
                    continue;
                }

                var name = setting.Text[..eq].Trim();
                overrides[name] = new PostfixParameter(name,
                    setting.Slice(eq + 1, setting.Text.Length - eq - 1).Trim(), setting.At(0));
            }

            var command = fields[7].Text;
            services.Add(new PostfixService(fields[0].Text, fields[1].Text, command, overrides, line.At(0)));
        }

        return services;
    }

    // Note: Postfix 3.0 also accepts "-o { name = value with spaces }".
    private static (PositionedText Setting, int Last) OverrideText(List<PositionedText> fields, int start)
    {
        if (fields[start].Text != "{" && !fields[start].Text.StartsWith('{'))
        {
            return (fields[start], start);
        }

        var builder = new PositionedText.Builder();
        var i = start;
        for (; i < fields.Count; i++)
        {
            var word = fields[i];
            if (i > start)
            {
                builder.Append(' ', word.At(0));
            }

            builder.Append(word);
            if (word.Text.EndsWith('}'))
            {
                break;
            }
        }

        var text = builder.Build();
        var inner = text.Text.Trim();
        var open = text.Text.IndexOf('{', StringComparison.Ordinal);
        var close = text.Text.LastIndexOf('}');
        return inner.Length > 1 && close > open
            ? (text.Slice(open + 1, close - open - 1).Trim(), Math.Min(i, fields.Count - 1))
            : (text, Math.Min(i, fields.Count - 1));
    }

    /// <summary>Splits a line into whitespace-separated words with their positions.</summary>
    public static List<PositionedText> Words(PositionedText line)
    {
        var words = new List<PositionedText>();
        var i = 0;
        while (i < line.Text.Length)
        {
            while (i < line.Text.Length && char.IsWhiteSpace(line.Text[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Text.Length && !char.IsWhiteSpace(line.Text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(line.Slice(start, i - start));
            }
        }

        return words;
    }
}
