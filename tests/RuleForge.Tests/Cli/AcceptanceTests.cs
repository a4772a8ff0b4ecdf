using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Cli;

/// <summary>
/// The acceptance cases: each bad policy fails 'ruleforge build' with exit 1 and a diagnostic
/// at the line and column of the offending text.
/// </summary>
public sealed class AcceptanceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_ReportsYamlSyntaxError_AtTheUnterminatedString()
    {
        var policy = PolicyText.With("version: \"3.4\"", "version: \"3.4");

        var result = Build(policy);

        AssertFailsAt(result, "RF1001", policy, "\"3.4");
    }

    [Fact]
    public void Build_ReportsYamlSyntaxError_NotAnInternalError_ForAnUnclosedFlowSequenceBeforeMoreKeys()
    {
        // An unclosed '[' followed by more keys makes YamlDotNet's scanner throw
        // InvalidOperationException, not YamlException.
        var result = Build("policy: x\ntargets:\n  postfix: [a\nsenders: []\n");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error RF1001", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReportsUnknownKey_WithDidYouMean()
    {
        var policy = PolicyText.With("      spamassassin: { score: 4 }", "      spamassasin: { score: 4 }");

        var result = Build(policy);

        AssertFails(result, "RF1201", PolicyText.LineOf(policy, "spamassasin:"), 7);
        Assert.Contains("unknown key 'spamassasin' in act", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: Did you mean 'spamassassin'?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReportsInvalidCidr()
    {
        var policy = PolicyText.With("40.92.0.0/16,", "40.92.0.0/33,");

        var result = Build(policy);

        AssertFailsAt(result, "RF1204", policy, "40.92.0.0/33");
        Assert.Contains("'40.92.0.0/33' is not an IP network", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReportsInvalidDomain()
    {
        var policy = PolicyText.With("[mail.example.com]", "[mail..example.com]");

        var result = Build(policy);

        AssertFailsAt(result, "RF1205", policy, "mail..example");
    }

    [Fact]
    public void Build_RefusesRangeBroaderThanSlash16_WithoutAcknowledgement()
    {
        var policy = PolicyText.With("40.92.0.0/16,", "40.92.0.0/15,");

        var result = Build(policy);

        AssertFailsAt(result, "RF1209", policy, "40.92.0.0/15");
    }

    [Fact]
    public void Build_AcceptsRangeBroaderThanSlash16_WhenAcknowledgedAsBroad()
    {
        var policy = PolicyText.With("40.92.0.0/16, 2a01:111:f400::/48]",
            "40.92.0.0/15, 2a01:111:f400::/48]\n      acknowledge: [broad]");

        var result = Build(policy);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Build_RejectsDkimOnlySender_WhenPostfixRejectsAtRcpt()
    {
        var policy = PolicyText.With("    ranges:\n      inline: [40.92.0.0/16, 2a01:111:f400::/48]\n", "")
            .Replace("postscreen: { weight: 3 }", "postscreen: off", StringComparison.Ordinal)
            .Replace("spf: pass, dkim: aligned", "dkim: aligned", StringComparison.Ordinal);

        var result = Build(policy);

        AssertFails(result, "RF1401", PolicyText.LineOf(policy, "- id: partner"), 5);
        Assert.Contains("sender 'partner' is not protected from blocklist 'zen' in postfix at RCPT", result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReportsHostBitsSet_WithTheNetworkMeant()
    {
        var policy = PolicyText.With("40.92.0.0/16,", "40.92.1.0/16,");

        var result = Build(policy);

        AssertFailsAt(result, "RF1211", policy, "40.92.1.0/16");
        Assert.Contains("Did you mean 40.92.0.0/16?", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.255.255.254")]
    [InlineData("127.255.255.255")]
    [InlineData("127.255.255.0-127.255.255.255")]
    public void Build_RefusesListingCode_InTheErrorBlock(string code)
    {
        var policy = PolicyText.With("[127.0.0.2-127.0.0.11]", $"[127.0.0.2-127.0.0.11, {code}]");

        var result = Build(policy);

        AssertFailsAt(result, "RF1222", policy, code);
    }

    [Fact]
    public void Build_ReportsDuplicateKey_AtTheSecondOne()
    {
        var policy = PolicyText.With("proof:\n  margin: 2\n", "proof:\n  margin: 2\nproof:\n  margin: 3\n");

        var result = Build(policy);

        AssertFails(result, "RF1002", PolicyText.LineOf(policy, "  margin: 3") - 1, 1);
    }

    [Fact]
    public void Build_RefusesAnchorsAndAliases()
    {
        var policy = PolicyText.With("domains: [mail.example.com]", "domains: &d [mail.example.com]");

        var result = Build(policy);

        AssertFailsAt(result, "RF1003", policy, "&d");
    }

    [Fact]
    public void Build_ExitsWithUsageError_WhenOutIsMissing()
    {
        var result = CliRunner.Run("build", _temp.Write("policy.yaml", PolicyText.Valid));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--out", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_ExitsWithUsageError_ForAnUnknownCommand()
    {
        var result = CliRunner.Run("compile", "x.yaml");

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public void Build_ExitsWithUsageError_WhenTheTemplateFolderIsMissing()
    {
        var missing = _temp["no-such-templates"];

        var result = CliRunner.Run("build", _temp.Write("policy.yaml", PolicyText.Valid), "--out", _temp["out"],
            "--templates", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error RF1503", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]));
    }

    [Fact]
    public void Build_ReportsUnreadableFile_ForAMissingPolicy()
    {
        var result = CliRunner.Run("build", _temp["missing.yaml"], "--out", _temp["out"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error RF1004: cannot read 'missing.yaml'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WritesTheTree_AndSaysSoOnStdout()
    {
        var result = Build(PolicyText.Valid);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("proof holds", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_temp["out"], "proof.json")));
    }

    [Fact]
    public void Validate_PrintsJson_WithPositionedDiagnostics()
    {
        var policy = PolicyText.With("40.92.0.0/16,", "40.92.0.0/33,");

        var result = CliRunner.Run("validate", _temp.Write("policy.yaml", policy), "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var first = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("RF1204", first.GetProperty("code").GetString());
        Assert.Equal(PolicyText.LineOf(policy, "40.92.0.0/33"), first.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Verify_RefusesAFolderThatIsNotABuiltTree()
    {
        Directory.CreateDirectory(_temp["empty"]);

        var result = CliRunner.Run("verify", _temp["empty"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error RF1604", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertFails(CliResult result, string code, int line, int column)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"policy.yaml:{line}:{column}: error {code}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("build failed; nothing was written.", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertFailsAt(CliResult result, string code, string policy, string text) =>
        AssertFails(result, code, PolicyText.LineOf(policy, text), PolicyText.ColumnOf(policy, text));

    private CliResult Build(string policy) =>
        CliRunner.Run("build", _temp.Write("policy.yaml", policy), "--out", _temp["out"]);
}
