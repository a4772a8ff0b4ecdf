using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Explanation;

public class ExplainCommandTests
{
    private static string Efax => Path.Combine(RepoPaths.Root, "rules", "efax.yaml");

    private static string M365 => Path.Combine(RepoPaths.Root, "rules", "m365-partner.yaml");

    private static CliResult Explain(string policy, params string[] args) =>
        CliRunner.Run(["explain", policy, .. args]);

    [Fact]
    public void Explain_TrustedListedClient_IsPermittedAtConnect_AcceptedAtRcpt_AndCreditedInContent()
    {
        var result = Explain(Efax, "--client-ip", "192.0.2.10", "--envelope-from", "fax@inbound.efax.com",
            "--listed", "spamhaus-zen", "--listed", "spamcop");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("postfix connect (postscreen): PASS - 192.0.2.10 matches 192.0.2.0/26", result.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("RCPT (smtpd_recipient_restrictions): ACCEPT - entry 4", result.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("rspamd content: NO ACTION - RF_TRUST_EFAX_IP -15", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("spamassassin content: HAM", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("fate: delivered", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UntrustedListedClient_IsRejectedAtConnect_AndWouldBeRejectedAtRcpt()
    {
        var result = Explain(Efax, "--client-ip", "203.0.113.200", "--envelope-from", "x@stranger.example.com",
            "--listed", "zen.spamhaus.org=127.0.0.4");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("postfix connect (postscreen): REJECT - DNSBL rank 3 >= threshold 3", result.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("REJECT - entry 5 'reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]'", result.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("fate: rejected at connect (postscreen)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ErrorAnswer_IsNeverAListing_AtAnyStage()
    {
        var result = Explain(Efax, "--client-ip", "203.0.113.201", "--envelope-from", "x@stranger.example.com",
            "--listed", "spamhaus-zen=127.255.255.254", "--listed", "spamcop=127.255.255.255");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("DNSBL rank 0 < threshold 3", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ACCEPT - no restriction rejected the recipient", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("RF_BL_", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_PostscreenScoresBelowThreshold_PassesWithTheRank()
    {
        var result = Explain(Efax, "--client-ip", "203.0.113.202", "--envelope-from", "x@stranger.example.com",
            "--listed", "spamcop");

        Assert.Contains("PASS - DNSBL rank 1 < threshold 3: bl.spamcop.net answers 127.0.0.2", result.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("rspamd content: NO ACTION - RF_BL_SPAMCOP 3", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RestrictionClass_AcceptsOnlyThePartnersEnvelopeDomain()
    {
        var partner = Explain(M365, "--client-ip", "40.107.1.1", "--envelope-from", "a@partner.example.com",
            "--listed", "spamhaus-zen");
        var other = Explain(M365, "--client-ip", "40.107.1.1", "--envelope-from", "a@other.example.com",
            "--listed", "spamhaus-zen");

        Assert.Contains("class rf_trust_partner_m365: envelope domain matches partner.example.com, result OK",
            partner.Stdout, StringComparison.Ordinal);
        Assert.Contains("REJECT - entry 4 'reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]'", other.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("fate: rejected at RCPT (smtpd)", other.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_AuthenticatedSenderOutsideRanges_IsTrustedOnlyInContent()
    {
        var result = Explain(Efax, "--client-ip", "2001:db8:99::1", "--envelope-from", "fax@inbound.efax.com",
            "--spf", "pass", "--dkim", "pass:inbound.efax.com", "--dmarc", "pass", "--listed", "spamhaus-zen");

        Assert.Contains("fate: rejected at connect (postscreen)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("RF_TRUST_EFAX_AUTH -15", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("RF_TRUST_EFAX_AUTH -11", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SpoofedDomain_GetsNoCredit()
    {
        var result = Explain(Efax, "--client-ip", "203.0.113.9", "--envelope-from", "fax@inbound.efax.com",
            "--spf", "fail", "--dmarc", "fail", "--listed", "spamcop");

        Assert.DoesNotContain("RF_TRUST_", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_AsJson_GivesEveryStageAndTheFate()
    {
        var result = Explain(Efax, "--client-ip", "192.0.2.10", "--envelope-from", "fax@inbound.efax.com",
            "--listed", "spamhaus-zen", "--format", "json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var stages = doc.RootElement.GetProperty("stages").EnumerateArray()
            .Select(s => (s.GetProperty("target").GetString(), s.GetProperty("decision").GetString()))
            .ToList();
        Assert.Equal(
            [("postfix", "pass"), ("postfix", "accept"), ("rspamd", "no action"), ("spamassassin", "ham")],
            stages);
        Assert.Equal("127.0.0.2", doc.RootElement.GetProperty("message").GetProperty("listed")
            .GetProperty("zen.spamhaus.org").GetString());
        Assert.StartsWith("delivered", doc.RootElement.GetProperty("fate").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--client-ip", "not-an-ip")]
    [InlineData("--dkim", "pass")]
    [InlineData("--listed", "unknown.example.org")]
    public void Explain_BadMessageFacts_AreUsageErrors(string option, string value)
    {
        var args = new List<string> { "--client-ip", "192.0.2.10", "--envelope-from", "a@b.example" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = Explain(Efax, [.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ruleforge:", result.Stderr, StringComparison.Ordinal);
    }
}
