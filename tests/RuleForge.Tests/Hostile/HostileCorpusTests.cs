using System.Diagnostics;
using RuleForge.Tests.Lock;
using RuleForge.Tests.Spf;
using RuleForge.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Every input of the hostile corpus (tests/corpus/hostile: committed policies, feeds and DNS
/// zones, plus huge inputs generated here) goes through the CLI in-process and must fail
/// cleanly: exit 1 (never 3), the expected codes, no stack trace, no output folder and no
/// leftovers, a bounded number of diagnostic lines, and an answer within a generous hang guard.
/// The count of inputs tried is printed and written to hostile-corpus-summary.txt beside the
/// test binary, which scripts/test shows.
/// </summary>
public sealed class HostileCorpusTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);
    private const int MaxDiagnosticLines = 2000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The corpus folder in the repository.</summary>
    public static string Corpus => Path.Combine(RepoPaths.Root, "tests", "corpus", "hostile");

    [Fact]
    public void EveryCorpusInput_FailsWithItsExpectedCodes_Exit1_NoStackTrace_NoPartialOutput()
    {
        var cases = Committed().Concat(GeneratedInputs.Write(_temp["generated"])).ToList();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var c in cases)
        {
            var problem = Run(c);
            if (problem is not null)
            {
                failures.Add($"{c}: {problem}");
            }
        }

        var summary = $"hostile corpus: {cases.Count} inputs tried " +
            $"({cases.Count(c => c.Kind == "policy")} policies, {cases.Count(c => c.Kind == "dns")} DNS zones, " +
            $"{cases.Count(c => c.Kind == "generated")} generated), {failures.Count} failed, " +
            $"{clock.Elapsed.TotalSeconds:0} s";
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "hostile-corpus-summary.txt"), summary + "\n");
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void CorpusFiles_AllNameAnExpectedCode()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Corpus, "policies"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Corpus, "dns")))
            .ToList();

        Assert.True(files.Count >= 150, $"only {files.Count} corpus files");
        Assert.All(files, f => Assert.NotEmpty(CorpusCase.ReadExpected(f)));
    }

    private static IEnumerable<CorpusCase> Committed() =>
        Directory.EnumerateFiles(Path.Combine(Corpus, "policies"), "*.yaml")
            .Select(f => new CorpusCase(Path.GetFileNameWithoutExtension(f), CorpusCase.ReadExpected(f), "policy", f))
            .Concat(Directory.EnumerateFiles(Path.Combine(Corpus, "dns"), "*.zone")
                .Select(f => new CorpusCase(Path.GetFileNameWithoutExtension(f), CorpusCase.ReadExpected(f), "dns", f)))
            .OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal);

    private string? Run(CorpusCase c)
    {
        var folder = _temp[Path.Combine("runs", c.Kind + "-" + c.Name)];
        Directory.CreateDirectory(folder);
        var outDir = Path.Combine(folder, "out");
        var task = Task.Run(() => c.Kind == "dns" ? RunDns(c, folder, outDir) : Build(c.Path, outDir));
        if (!task.Wait(HangGuard))
        {
            return $"no answer within {HangGuard.TotalSeconds} s (hang guard)";
        }

        var (result, lockfileWritten) = task.Result;
        var all = result.Stdout + result.Stderr;
        var missing = c.Expected.Where(code => !all.Contains($" {code}: ", StringComparison.Ordinal)).ToList();
        var lines = result.Stderr.Count(ch => ch == '\n');
        var crashed = StackTraces.In(all)
            || all.Contains("internal error", StringComparison.Ordinal);
        return result.ExitCode != 1 ? $"exit {result.ExitCode}, not 1\n{Cut(result)}"
            : missing.Count > 0 ? $"missing {string.Join(", ", missing)}\n{Cut(result)}"
            : crashed ? $"a stack trace or internal error\n{Cut(result)}"
            : Directory.Exists(outDir) ? "the output folder was written"
            : Directory.EnumerateFileSystemEntries(folder).Any(e => Path.GetFileName(e).StartsWith('.'))
                ? "a hidden temporary folder was left behind"
            : lockfileWritten ? "the lockfile was written although the case failed at lock"
            : lines > MaxDiagnosticLines ? $"{lines} lines of diagnostics (a flood)"
            : null;
    }

    private static (CliResult, bool) Build(string policy, string outDir) =>
        (CliRunner.Run("build", policy, "--out", outDir), false);

    // A DNS case locks a policy that trusts the SPF record of victim.test against a loopback
    // server loaded from the zone script; when locking succeeds, the build must fail.
    private static (CliResult, bool) RunDns(CorpusCase c, string folder, string outDir)
    {
        var policy = Path.Combine(folder, "p.yaml");
        File.WriteAllText(policy, LockPolicies.Trusting("victim.test"));
        var settings = Path.Combine(folder, "dns.json");
        File.WriteAllText(settings, """{ "Dns": { "Timeout": 2, "Retries": 0 } }""");
        using var dns = new LoopbackDnsServer();
        ZoneScript.Apply(c.Path, dns);
        var locked = CliRunner.Run("lock", policy, "--dns-server", dns.Flag, "--settings", settings);
        if (locked.ExitCode != 0)
        {
            return (locked, File.Exists(LockPolicies.LockfileOf(policy)));
        }

        var built = CliRunner.Run("build", policy, "--out", outDir);
        return (built with { Stderr = locked.Stderr + built.Stderr }, false);
    }

    private static string Cut(CliResult result)
    {
        var text = result.ToString();
        return text.Length > 3000 ? text[..3000] + "..." : text;
    }
}
