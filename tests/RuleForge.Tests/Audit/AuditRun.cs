using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Audit;

/// <summary>Runs 'ruleforge audit --format json' in-process and reads its findings.</summary>
public sealed class AuditRun
{
    private AuditRun(int exit, IReadOnlyList<AuditFinding> findings, JsonElement root, string stderr)
    {
        Exit = exit;
        Findings = findings;
        Root = root;
        Stderr = stderr;
    }

    public int Exit { get; }

    public IReadOnlyList<AuditFinding> Findings { get; }

    public JsonElement Root { get; }

    public string Stderr { get; }

    /// <summary>Runs the audit with the given options (for example "--postfix", dir).</summary>
    public static AuditRun Of(params string[] options)
    {
        var result = CliRunner.Run(["audit", .. options, "--format", "json"]);
        Assert.True(result.Stdout.Length > 0, $"no output; exit {result.ExitCode}; stderr: {result.Stderr}");
        using var doc = JsonDocument.Parse(result.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new AuditFinding(f.GetProperty("code").GetString()!, f.GetProperty("severity").GetString()!,
                f.GetProperty("file").GetString()!, f.GetProperty("line").GetInt32(),
                f.GetProperty("column").GetInt32(), f.GetProperty("message").GetString()!))
            .ToList();
        return new AuditRun(result.ExitCode, findings, doc.RootElement.Clone(), result.Stderr);
    }

    /// <summary>The only finding with the code; fails when there is none or more than one.</summary>
    public AuditFinding Single(string code)
    {
        var matches = Findings.Where(f => f.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got: {Describe()}");
        return matches[0];
    }

    /// <summary>Every finding, one per line, for assertion messages.</summary>
    public string Describe() =>
        Findings.Count == 0
            ? "no findings"
            : string.Join("\n", Findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Code} {f.Message}"));
}
