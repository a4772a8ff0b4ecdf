using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Audit;

public class SpamAssassinAuditTests
{
    [Fact]
    public void Audit_ReportsScoredCheckRblWithoutSubtest_ButNotItsSubRule()
    {
        using var site = new TempFolder();
        site.Write("sa/local.cf", """
            header   RCVD_IN_MYBL eval:check_rbl('mybl', 'bl.example.net.')
            score    RCVD_IN_MYBL 3.0

            header   __RCVD_IN_ZEN eval:check_rbl('zen-lastexternal', 'zen.spamhaus.org.')
            header   RCVD_IN_ZEN_OK eval:check_rbl_sub('zen-lastexternal', '^127\.0\.0\.(?:[2-9]|1[01])$')
            score    RCVD_IN_ZEN_OK 4.0

            header   RCVD_IN_OFF eval:check_rbl('off', 'off.example.net.')
            score    RCVD_IN_OFF 0
            """);

        var run = AuditRun.Of("--spamassassin", site["sa"]);

        var finding = run.Single("RF1701");
        Assert.Equal((1, 1), (finding.Line, finding.Column));
        Assert.Contains("bl.example.net", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Findings, f => f.Code == "RF1702");
    }

    [Fact]
    public void Audit_ReportsMasksAndSubtestsThatAcceptErrorAnswers()
    {
        using var site = new TempFolder();
        site.Write("sa/10_uribl.cf", """
            urirhssub  MY_URIBL_BLACK  multi.uribl.example.  A   2
            score      MY_URIBL_BLACK  2.0
            urirhsbl   MY_URI_ANY      dbl.example.         A
            header     MY_SUB eval:check_rbl_sub('set', '^127\.')
            """);

        var run = AuditRun.Of("--spamassassin", site["sa"]);

        var lines = run.Findings.Where(f => f.Code == "RF1702").Select(f => f.Line).Order();
        Assert.Equal([1, 4], lines);
        Assert.Equal(3, run.Single("RF1701").Line);
    }

    [Fact]
    public void Audit_ReportsWhitelistFromInsideIfplugin_ButNotWelcomelistAuth()
    {
        using var site = new TempFolder();
        site.Write("sa/local.cf", """
            required_score 5
            ifplugin Mail::SpamAssassin::Plugin::WLBLEval
              whitelist_from *@inbound.efax.com   # fax
              welcomelist_auth *@inbound.efax.com
            endif
            """);

        var run = AuditRun.Of("--spamassassin", site["sa"]);

        var finding = run.Single("RF1710");
        Assert.Equal((3, 3), (finding.Line, finding.Column));
        Assert.Contains("*@inbound.efax.com", finding.Message, StringComparison.Ordinal);
    }
}
