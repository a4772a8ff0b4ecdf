using RuleForge.Output;
using RuleForge.Pipeline;
using RuleForge.Rendering;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Snapshots;

/// <summary>A changed template shows up in the snapshot comparison as a readable diff.</summary>
public sealed class TemplateOverrideTests : IDisposable
{
    private const string Original = "postscreen_dnsbl_action = {{ model.postscreen.action }}";
    private const string Changed = "postscreen_dnsbl_action = ignore";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SnapshotComparison_ShowsTheChangedLine_WhenATemplateIsOverridden()
    {
        var templates = WriteOverride(Original, Changed);
        var built = _temp["received"];

        PolicyBuilds.BuildRule("efax.yaml", built, new TemplateSource(templates));
        var comparison = TreeComparer.Compare(Path.Combine(RepoPaths.Snapshots, "efax"), built);

        Assert.False(comparison.IsMatch);
        Assert.Contains("postfix/main.cf.fragment", comparison.Changed);
        Assert.Contains("--- approved/postfix/main.cf.fragment\n", comparison.Report, StringComparison.Ordinal);
        Assert.Contains("\n-postscreen_dnsbl_action = enforce\n", comparison.Report, StringComparison.Ordinal);
        Assert.Contains("\n+postscreen_dnsbl_action = ignore\n", comparison.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotComparison_ShowsNoTemplateDifference_WhenTheOverrideIsAnUnchangedCopy()
    {
        var templates = WriteOverride(Original, Original);
        var built = _temp["received"];

        PolicyBuilds.BuildRule("efax.yaml", built, new TemplateSource(templates));

        // Note: other files are the policy snapshot test's business; this one is about the template.
        var comparison = TreeComparer.Compare(Path.Combine(RepoPaths.Snapshots, "efax"), built);
        Assert.DoesNotContain("postfix/main.cf.fragment", comparison.Changed);
    }

    [Fact]
    public void Build_ReportsTemplateError_ForABrokenOverride()
    {
        var templates = WriteOverride(Original, "postscreen_dnsbl_action = {{ model.postscreen.action ");

        var outcome = BuildPipeline.Build(Path.Combine(RepoPaths.Rules, "efax.yaml"), "rules/efax.yaml",
            new PolicyDefaults(), new TemplateSource(templates));

        Assert.False(outcome.Succeeded);
        Assert.Empty(outcome.Files);
        Assert.Contains(outcome.Diagnostics,
            d => d.Code == "RF1501" && d.Message.Contains("main.cf.sbn", StringComparison.Ordinal));
    }

    [Fact]
    public void Cli_UsesTheTemplatesFlag()
    {
        var templates = WriteOverride(Original, Changed);

        var result = CliRunner.Run("build", Path.Combine(RepoPaths.Rules, "efax.yaml"), "--out", _temp["out"],
            "--templates", templates);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Changed, File.ReadAllText(_temp["out/postfix/main.cf.fragment"]), StringComparison.Ordinal);
    }

    private string WriteOverride(string find, string replace)
    {
        var builtIn = File.ReadAllText(Path.Combine(RepoPaths.Templates, "postfix", "main.cf.sbn"));
        Assert.Contains(find, builtIn, StringComparison.Ordinal);
        _temp.Write("templates/postfix/main.cf.sbn", builtIn.Replace(find, replace, StringComparison.Ordinal));
        return _temp["templates"];
    }
}
