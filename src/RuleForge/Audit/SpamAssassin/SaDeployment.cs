using RuleForge.Diagnostics;

namespace RuleForge.Audit.SpamAssassin;

/// <summary>
/// A SpamAssassin site folder: every *.pre and *.cf file in the order SpamAssassin reads them
/// (.pre first, then .cf, each sorted by name), as directives. Comments are dropped; if /
/// ifplugin blocks are kept open (the audit assumes the plugins are loaded).
/// </summary>
public sealed class SaDeployment
{
    private SaDeployment(IReadOnlyList<SaLine> lines) => Lines = lines;

    /// <summary>Every directive in reading order.</summary>
    public IReadOnlyList<SaLine> Lines { get; }

    /// <summary>Reads a folder; null when it holds no .cf file.</summary>
    public static SaDeployment? Load(string folder, DiagnosticBag findings)
    {
        var pre = Directory.GetFiles(folder, "*.pre").Order(StringComparer.Ordinal);
        var cf = Directory.GetFiles(folder, "*.cf").Order(StringComparer.Ordinal).ToList();
        if (cf.Count == 0)
        {
            return null;
        }

        var lines = new List<SaLine>();
        foreach (var file in pre.Concat(cf))
        {
            Read(File.ReadAllText(file), Path.Join(folder, Path.GetFileName(file)), lines, findings);
        }

        return new SaDeployment(lines);
    }

    private static void Read(string text, string file, List<SaLine> lines, DiagnosticBag findings)
    {
        var depth = 0;
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var line = StripComment(raw[i]);
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var column = line.Length - line.TrimStart().Length + 1;
            var at = new SourceLocation(file, i + 1, column);
            var parts = trimmed.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            var keyword = parts[0].ToLowerInvariant();
            switch (keyword)
            {
                case "if" or "ifplugin":
                    depth++;
                    continue;
                case "endif":
                    if (--depth < 0)
                    {
                        findings.Report(Messages.AuditUnparsable, at, file, "'endif' without 'if' or 'ifplugin'");
                        depth = 0;
                    }

                    continue;
                case "else":
                    continue;
            }

            lines.Add(new SaLine(keyword, parts.Length > 1 ? parts[1].Trim() : "", at));
        }

        if (depth > 0)
        {
            findings.Report(Messages.AuditUnparsable, SourceLocation.OfFile(file), file,
                "an 'if' or 'ifplugin' block is not closed with 'endif'");
        }
    }

    // Note: '#' starts a comment unless escaped as '\#' (it can appear in regular expressions).
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || line[i - 1] != '\\'))
            {
                return line[..i];
            }
        }

        return line;
    }
}
