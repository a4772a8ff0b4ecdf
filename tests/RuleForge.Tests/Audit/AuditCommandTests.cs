using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Audit;

public class AuditCommandTests
{
    [Fact]
    public void Audit_WithoutAnyFolder_IsAUsageError()
    {
        var result = CliRunner.Run("audit");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("RF1793", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Audit_WithAFolderThatHoldsNoConfiguration_IsAUsageError()
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("audit", "--postfix", temp.Path, "--rspamd", temp["missing"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds no main.cf", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not a folder", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_PrintsFindingsAsFileLineColumn_WithTheFix_AndASummary()
    {
        using var temp = new TempFolder();
        temp.Write("pf/main.cf", "smtpd_recipient_restrictions = reject_rbl_client zen.spamhaus.org\n");

        var result = CliRunner.Run("audit", "--postfix", temp["pf"]);

        var lines = result.Stdout.Split('\n');
        Assert.StartsWith($"{temp["pf/main.cf"]}:1:32: error RF1701: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  hint: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("audit of postfix: 1 error, 0 warnings", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Audit_WithAPolicyThatDoesNotBuild_ReportsItsErrors()
    {
        using var temp = new TempFolder();
        temp.Write("pf/main.cf", "smtpd_recipient_restrictions = reject_unauth_destination\n");
        var policy = temp.Write("bad.yaml", "policy: x\n");

        var result = CliRunner.Run("audit", "--postfix", temp["pf"], "--policy", policy);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error RF12", result.Stderr, StringComparison.Ordinal);
    }
}
