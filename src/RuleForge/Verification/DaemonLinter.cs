using System.Reflection;
using RuleForge.Diagnostics;
using RuleForge.Net;

namespace RuleForge.Verification;

/// <summary>
/// Lints a built tree with the daemons themselves: rspamadm configtest -s, spamassassin --lint,
/// postconf and postfix check, and postmap -q over every table entry; each against a private
/// copy of the machine's stock configuration, inside the loopback-only <see cref="Sandbox"/>.
/// A daemon that is not installed is an error, never a pass.
/// </summary>
public static class DaemonLinter
{
    private static readonly (string Target, string Daemon, string[] Programs)[] Daemons =
    [
        ("rspamd", "Rspamd", ["rspamadm"]),
        ("spamassassin", "SpamAssassin", ["spamassassin"]),
        ("postfix", "Postfix", ["postfix", "postconf", "postmap"]),
    ];

    /// <summary>Lints every target present in the tree.</summary>
    public static VerifyResult Lint(string tree, string displayTree)
    {
        var diagnostics = new DiagnosticBag();
        var at = SourceLocation.OfFile(displayTree);
        if (!File.Exists(Path.Combine(tree, Output.OutputWriter.Marker)))
        {
            diagnostics.Report(Messages.NotABuiltTree, at, displayTree);
            return new VerifyResult([], diagnostics.Items);
        }

        var present = Daemons.Where(d => Directory.Exists(Path.Combine(tree, d.Target))).ToList();
        foreach (var (_, daemon, programs) in present)
        {
            foreach (var program in programs.Where(p => ToolCheck.Find(p) is null))
            {
                diagnostics.Report(Messages.DaemonMissing, at, daemon, program);
            }
        }

        if (!Sandbox.IsAvailable(out var reason))
        {
            diagnostics.Report(Messages.SandboxFailed, at, reason);
        }

        if (diagnostics.HasErrors)
        {
            return new VerifyResult([], diagnostics.Items);
        }

        return RunInSandbox(Path.GetFullPath(tree), displayTree, present.Select(p => p.Target).ToList(), diagnostics);
    }

    private static VerifyResult RunInSandbox(
        string tree, string displayTree, List<string> targets, DiagnosticBag diagnostics)
    {
        var work = Directory.CreateTempSubdirectory("ruleforge-verify-");
        try
        {
            var script = Path.Combine(work.FullName, "lint.sh");
            File.WriteAllText(script, ReadScript());
            var queries = PostfixQueries(tree);
            File.WriteAllLines(Path.Combine(work.FullName, "queries"),
                queries.Select(q => $"{q.Map}\t{q.Key}\t{q.Expected}"));
            var (code, output) = Sandbox.Run(script, [work.FullName, tree], TimeSpan.FromMinutes(3));
            if (code != 0)
            {
                diagnostics.Report(Messages.SandboxFailed, SourceLocation.OfFile(displayTree), Tail(output));
                return new VerifyResult([], diagnostics.Items);
            }

            var findings = Parse(output, targets, displayTree, diagnostics);
            return new VerifyResult(findings, diagnostics.Items);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<LintFinding> Parse(
        string output, List<string> targets, string displayTree, DiagnosticBag diagnostics)
    {
        var lines = output.Split('\n');
        var findings = new List<LintFinding>();
        foreach (var target in targets)
        {
            var result = lines.FirstOrDefault(l => l.StartsWith($"RESULT {target} ", StringComparison.Ordinal));
            var text = lines.Where(l => l.StartsWith($"OUT {target} ", StringComparison.Ordinal))
                .Select(l => l[$"OUT {target} ".Length..]).ToList();
            var passed = result is not null && result.EndsWith(" 0", StringComparison.Ordinal);
            var summary = target switch
            {
                "rspamd" => "rspamadm configtest -s",
                "spamassassin" => "spamassassin --lint",
                _ => "postconf -e, postconf -n, postfix check",
            };
            if (target == "postfix")
            {
                var (ok, detail) = CheckQueries(lines);
                summary += $", {detail}";
                if (!ok)
                {
                    passed = false;
                    text.AddRange(lines.Where(l =>
                        l.StartsWith("QUERY", StringComparison.Ordinal) && !QueryMatches(l)));
                }
            }

            if (!passed)
            {
                var where = SourceLocation.OfFile($"{displayTree}/{target}");
                var reason = result is null
                    ? "it did not run"
                    : string.Join(" | ", text.Where(t => t.Trim().Length > 0).Take(8));
                var said = reason.Length == 0 ? "non-zero exit" : reason;
                diagnostics.Report(Messages.DaemonRejected, where, target, said);
            }

            findings.Add(new LintFinding(target, passed, summary, text));
        }

        return findings;
    }

    private static (bool Ok, string Detail) CheckQueries(string[] lines)
    {
        var queries = lines.Where(l => l.StartsWith("QUERY\t", StringComparison.Ordinal)).ToList();
        var failed = queries.Count(l => !QueryMatches(l));
        return (failed == 0, $"postmap -q on {queries.Count} table entries ({failed} wrong)");
    }

    private static bool QueryMatches(string line)
    {
        var parts = line.Split('\t');
        return parts.Length == 5 && parts[3] == parts[4].Trim();
    }

    /// <summary>One postmap query per table entry, with the result the table must give.</summary>
    internal static List<(string Map, string Key, string Expected)> PostfixQueries(string tree)
    {
        var result = new List<(string, string, string)>();
        var dir = Path.Combine(tree, "postfix", "ruleforge");
        if (!Directory.Exists(dir))
        {
            return result;
        }

        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            var entries = File.ReadAllLines(file)
                .Where(l => l.Length > 0 && l[0] != '#')
                .Select(l => l.Split(
                    (char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(p => p.Length == 2)
                .Select(p => (Key: p[0], Value: p[1]))
                .ToList();
            var name = Path.GetFileName(file);
            var isCidr = name.EndsWith(".cidr", StringComparison.Ordinal);
            var map = $"{(isCidr ? "cidr" : "texthash")}:/etc/postfix/ruleforge/{name}";
            foreach (var (key, value) in entries)
            {
                result.Add(isCidr ? CidrQuery(map, key, entries) : (map, key, value));
            }
        }

        return result;
    }

    private static (string, string, string) CidrQuery(string map, string key, List<(string Key, string Value)> entries)
    {
        if (!IpNetwork.TryParse(key, out var network, out _))
        {
            return (map, key, "(a valid network)");
        }

        var address = IpNetwork.FormatAddress(network.Family, network.First);
        var first = entries.First(e =>
            IpNetwork.TryParse(e.Key, out var n, out _) && n.Contains(network.Family, network.First));
        return (map, address, first.Value);
    }

    private static string ReadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RuleForge.Verification.lint.sh")
            ?? throw new InvalidOperationException("embedded lint.sh is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Tail(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
}
