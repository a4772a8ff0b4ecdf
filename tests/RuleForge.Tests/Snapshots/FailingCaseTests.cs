using RuleForge.Cli;
using RuleForge.Output;
using RuleForge.Pipeline;
using RuleForge.Rendering;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Snapshots;

/// <summary>
/// Failing inputs are golden cases: each Cases/Failing/&lt;case&gt;.yaml fails to build, and its
/// diagnostics, as the CLI prints them, match snapshots/failing/&lt;case&gt;.txt.
/// </summary>
public class FailingCaseTests
{
    private static string Approved => Path.Combine(RepoPaths.Snapshots, "failing");

    public static TheoryData<string> Cases() => new(CaseNames());

    private static List<string> CaseNames() =>
        Directory.EnumerateFiles(RepoPaths.FailingCases, "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The diagnostics text of one case, as 'ruleforge build' prints it.</summary>
    public static (bool Succeeded, string Text) Diagnose(string name)
    {
        var outcome = BuildPipeline.Build(Path.Combine(RepoPaths.FailingCases, name + ".yaml"),
            $"cases/{name}.yaml", new PolicyDefaults(), new TemplateSource(null));
        using var writer = new StringWriter();
        writer.NewLine = "\n";
        DiagnosticPrinter.Print(outcome.Diagnostics, writer, quiet: false);
        return (outcome.Succeeded, writer.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_ReportsTheApprovedDiagnostics(string name)
    {
        var (succeeded, text) = Diagnose(name);
        Assert.False(succeeded, $"cases/{name}.yaml is a failing case but it built");

        var approvedFile = Path.Combine(Approved, name + ".txt");
        var receivedFile = Path.Combine(Approved, name + ".received.txt");
        var approved = File.Exists(approvedFile) ? File.ReadAllText(approvedFile) : null;
        if (approved == text)
        {
            File.Delete(receivedFile);
            return;
        }

        Directory.CreateDirectory(Approved);
        File.WriteAllText(receivedFile, text);
        var diff = LineDiff.Unified(approved ?? "", text, $"approved/{name}.txt", $"received/{name}.txt");
        Assert.Fail($"cases/{name}.yaml reports different diagnostics; see snapshots/failing/{name}.received.txt "
            + $"(review, then run scripts/accept-snapshots):\n{(approved is null ? "no approved file\n" : "")}{diff}");
    }

    [Fact]
    public void FailingSnapshots_HoldATextOnlyForCasesThatExist()
    {
        var cases = CaseNames();
        Assert.NotEmpty(cases);
        var texts = Directory.Exists(Approved)
            ? Directory.EnumerateFiles(Approved, "*.txt")
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(f => !f.EndsWith(".received.txt", StringComparison.Ordinal))
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
            : [];
        Assert.Empty(texts.Except(cases, StringComparer.Ordinal));
    }
}
