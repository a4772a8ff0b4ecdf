using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Audit;

public class DeploymentAuditTests
{
    [Fact]
    public void Audit_FindsNothing_InTheTreeBuiltFromEfax_WithItsPolicy()
    {
        using var efax = new EfaxDeployment();
        var built = efax.Built;

        var run = AuditRun.Of("--postfix", Path.Combine(built, "postfix"), "--rspamd", Path.Combine(built, "rspamd"),
            "--spamassassin", Path.Combine(built, "spamassassin"), "--policy", EfaxDeployment.Policy);

        Assert.True(run.Findings.Count == 0, run.Describe());
        Assert.Equal(0, run.Exit);
        Assert.True(run.Root.GetProperty("proof").GetProperty("holds").GetBoolean());
        Assert.Equal(["postfix", "rspamd", "spamassassin"],
            run.Root.GetProperty("audited").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Audit_FindsNothing_InAnInstalledEfaxSite_WithItsPolicy()
    {
        using var efax = new EfaxDeployment();

        var run = AuditRun.Of([.. efax.SiteOptions, "--policy", EfaxDeployment.Policy]);

        var withoutPolicy = AuditRun.Of(efax.SiteOptions);

        Assert.True(run.Findings.Count == 0, run.Describe());
        Assert.Equal(0, run.Exit);
        Assert.True(run.Root.GetProperty("proof").GetProperty("obligations").GetInt32() > 0);
        Assert.True(withoutPolicy.Findings.Count == 0, withoutPolicy.Describe());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, withoutPolicy.Root.GetProperty("proof").ValueKind);
    }

    [Fact]
    public void Audit_ProofFails_WhenTheSiteRejectsInAnotherList()
    {
        using var efax = new EfaxDeployment();
        File.AppendAllText(efax["postfix/main.cf"],
            "smtpd_client_restrictions = permit_mynetworks, reject_rbl_client b.barracudacentral.org=127.0.0.2\n");

        var run = AuditRun.Of([.. efax.SiteOptions, "--policy", EfaxDeployment.Policy]);

        var proof = run.Single("RF1720");
        Assert.Contains("sender 'efax'", proof.Message, StringComparison.Ordinal);
        Assert.Contains("site:b.barracudacentral.org", proof.Message, StringComparison.Ordinal);
        Assert.Contains("smtpd_client_restrictions", proof.Message, StringComparison.Ordinal);
        Assert.EndsWith("main.cf", proof.File, StringComparison.Ordinal);
        Assert.Contains(run.Findings, f => f.Code == "RF1704");
        Assert.Equal(1, run.Exit);
    }

    [Fact]
    public void Audit_ProofFails_WhenAServiceOverridesTheRestrictionListRuleForgeSets()
    {
        using var efax = new EfaxDeployment();
        var master = File.ReadAllText(efax["postfix/master.cf"]).Replace(
            "smtpd     pass  -       -       y       -       -       smtpd\n",
            "smtpd     pass  -       -       y       -       -       smtpd\n" +
            "  -o smtpd_recipient_restrictions=reject_unauth_destination," +
            "reject_rbl_client,zen.spamhaus.org=127.0.0.2\n",
            StringComparison.Ordinal);
        File.WriteAllText(efax["postfix/master.cf"], master);

        var run = AuditRun.Of([.. efax.SiteOptions, "--policy", EfaxDeployment.Policy]);

        var proof = run.Single("RF1720");
        Assert.Contains("'spamhaus-zen'", proof.Message, StringComparison.Ordinal);
        Assert.Contains("service 'smtpd'", proof.Message, StringComparison.Ordinal);
        Assert.EndsWith("master.cf", proof.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ProofFails_WhenASiteRblRuleOutweighsTheCredit()
    {
        using var efax = new EfaxDeployment();
        AddSiteRbl(efax, weight: 6.0);

        var run = AuditRun.Of([.. efax.SiteOptions, "--policy", EfaxDeployment.Policy]);

        var proof = run.Findings.Where(f => f.Code == "RF1720").ToList();
        Assert.NotEmpty(proof);
        Assert.All(proof, f => Assert.Contains("in rspamd at content", f.Message, StringComparison.Ordinal));
        Assert.Contains(proof, f => f.Message.Contains("site:bl.site.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_ProofReadsTheSitesRspamdThresholds_FromOverrideD()
    {
        using var efax = new EfaxDeployment();
        AddSiteRbl(efax, weight: 1.0);

        var before = AuditRun.Of([.. efax.SiteOptions, "--policy", EfaxDeployment.Policy]);
        Directory.CreateDirectory(efax["rspamd/override.d"]);
        File.WriteAllText(efax["rspamd/override.d/actions.conf"], "greylist = null;\nadd_header = 1;\nreject = 1;\n");
        var after = AuditRun.Of([.. efax.SiteOptions, "--policy", EfaxDeployment.Policy]);

        Assert.DoesNotContain(before.Findings, f => f.Code == "RF1720");
        var failed = after.Findings.Where(f => f.Code == "RF1720").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, f => Assert.Contains("in rspamd at content", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_ProofFails_WhenASiteSpamAssassinRuleOutweighsTheCredit()
    {
        using var efax = new EfaxDeployment();
        File.WriteAllText(efax["spamassassin/local.cf"], """
            header   __RCVD_IN_SITEBL eval:check_rbl('sitebl-lastexternal', 'bl.site.example.')
            header   RCVD_IN_SITEBL eval:check_rbl_sub('sitebl-lastexternal', '127.0.0.2')
            score    RCVD_IN_SITEBL 6.0
            """);

        var run = AuditRun.Of([.. efax.SiteOptions, "--policy", EfaxDeployment.Policy]);

        var failed = run.Findings.Where(f => f.Code == "RF1720").ToList();
        Assert.Contains(failed, f => f.Message.Contains("site:bl.site.example", StringComparison.Ordinal));
        Assert.All(failed, f => Assert.Contains("in spamassassin at content", f.Message, StringComparison.Ordinal));
        Assert.All(failed, f => Assert.EndsWith("local.cf", f.File, StringComparison.Ordinal));
    }

    private static void AddSiteRbl(EfaxDeployment efax, double weight)
    {
        var rbl = File.ReadAllText(efax["rspamd/local.d/rbl.conf"]).Replace("rbls {",
            "rbls {\n  site_bl {\n    rbl = \"bl.site.example\";\n    symbol = \"SITE_BL\";\n" +
            "    returncodes { SITE_BL = [\"127.0.0.2\"]; }\n  }", StringComparison.Ordinal);
        File.WriteAllText(efax["rspamd/local.d/rbl.conf"], rbl);
        File.WriteAllText(efax["rspamd/local.d/groups.conf"], FormattableString.Invariant(
            $"group \"site\" {{\n  symbols {{\n    \"SITE_BL\" {{ weight = {weight:0.0}; }}\n  }}\n}}\n"));
    }
}
