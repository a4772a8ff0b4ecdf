using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Audit;

public class PostfixAuditTests
{
    [Fact]
    public void Audit_ReportsRblRejectWithoutFilter_AtItsColumn()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            # site config
            smtpd_client_restrictions = permit_mynetworks,
                reject_rbl_client zen.spamhaus.org
            smtpd_recipient_restrictions = reject_unauth_destination,
              reject_rbl_client bl.spamcop.net=127.0.0.2
            """);

        var run = AuditRun.Of("--postfix", site["postfix"]);

        var finding = run.Single("RF1701");
        Assert.Equal((3, 5), (finding.Line, finding.Column));
        Assert.EndsWith("postfix/main.cf", finding.File, StringComparison.Ordinal);
        Assert.Contains("zen.spamhaus.org", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, run.Exit);
    }

    [Fact]
    public void Audit_ReportsFilterThatLetsTheOpenResolverAnswerThrough()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            smtpd_recipient_restrictions = reject_unauth_destination,
              reject_rbl_client zen.spamhaus.org=127.[0..255].[0..255].[2..254]
            """);

        var run = AuditRun.Of("--postfix", site["postfix"]);

        Assert.Contains("127.255.255.254", run.Single("RF1702").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Findings, f => f.Code == "RF1701");
    }

    [Fact]
    public void Audit_ReportsTrustCheckAfterTheReject_InTheSameList()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            smtpd_recipient_restrictions = reject_unauth_destination
              reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]
              check_client_access cidr:/etc/postfix/trusted.cidr
            """);
        site.Write("postfix/trusted.cidr", "192.0.2.0/24 OK\n");

        var run = AuditRun.Of("--postfix", site["postfix"]);

        var finding = run.Single("RF1703");
        Assert.Equal((3, 3), (finding.Line, finding.Column));
        Assert.Contains("line 2", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ReportsRejectInAListWithoutTheTrustAnotherListHas()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            smtpd_client_restrictions = reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]
            smtpd_recipient_restrictions = check_client_access cidr:$config_directory/trusted.cidr,
              reject_unauth_destination
            """);
        site.Write("postfix/trusted.cidr", "192.0.2.0/24 OK\n");

        var run = AuditRun.Of("--postfix", site["postfix"]);

        var finding = run.Single("RF1704");
        Assert.Equal((1, 29), (finding.Line, finding.Column));
        Assert.Contains("smtpd_client_restrictions", finding.Message, StringComparison.Ordinal);
        Assert.Contains("smtpd_recipient_restrictions", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_EvaluatesMasterCfOverridesPerService_WithExpansion()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            smtpd_recipient_restrictions = reject_unauth_destination
            rbl_site = zen.spamhaus.org
            mua_client_restrictions = permit_sasl_authenticated, reject_rbl_client ${rbl_site}
            """);
        site.Write("postfix/master.cf", """
            smtp      inet  n       -       y       -       -       smtpd
            submission inet n       -       y       -       -       smtpd
              -o syslog_name=postfix/submission
              -o smtpd_client_restrictions=$mua_client_restrictions
            pickup    unix  n       -       y       60      1       pickup
            """);

        var run = AuditRun.Of("--postfix", site["postfix"]);

        // Note: only the submission service runs the list; the finding points into main.cf.
        var finding = run.Single("RF1701");
        Assert.Equal((3, 54), (finding.Line, finding.Column));
        Assert.Contains("zen.spamhaus.org", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("main.cf", finding.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ExpandsRestrictionClassesInline()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            smtpd_restriction_classes = rbl_checks
            rbl_checks = reject_rbl_client bl.spamcop.net
            smtpd_recipient_restrictions = reject_unauth_destination, rbl_checks
            """);

        var run = AuditRun.Of("--postfix", site["postfix"]);

        Assert.Equal(2, run.Single("RF1701").Line);
    }

    [Fact]
    public void Audit_ReportsPostscreenPermitThatSmtpdDoesNotTrust()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            postscreen_access_list = permit_mynetworks, cidr:/etc/postfix/postscreen_access.cidr
            postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]*3
            smtpd_recipient_restrictions = reject_unauth_destination,
              check_client_access cidr:/etc/postfix/trusted.cidr,
              reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]
            """);
        site.Write("postfix/master.cf", """
            smtp      inet  n       -       y       -       1       postscreen
            smtpd     pass  -       -       y       -       -       smtpd
            dnsblog   unix  -       -       y       -       0       dnsblog
            """);
        site.Write("postfix/postscreen_access.cidr", "192.0.2.0/24 permit\n198.51.100.0/24 permit\n");
        site.Write("postfix/trusted.cidr", "# fax provider\n192.0.2.0/24 OK\n");

        var run = AuditRun.Of("--postfix", site["postfix"]);

        var finding = run.Single("RF1705");
        Assert.Contains("198.51.100.0/24", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("postscreen_access.cidr", finding.File, StringComparison.Ordinal);
        Assert.Equal(2, finding.Line);
        Assert.Equal(0, run.Exit);
    }

    [Fact]
    public void Audit_ReportsUnfilteredPostscreenSite_AndMissingDnsblog()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            postscreen_dnsbl_sites = zen.spamhaus.org*3, list.dnswl.org=127.0.[0..255].[1..3]*-2
            """);
        site.Write("postfix/master.cf", """
            smtp      inet  n       -       y       -       1       postscreen
            smtpd     pass  -       -       y       -       -       smtpd
            """);

        var run = AuditRun.Of("--postfix", site["postfix"]);

        Assert.Equal((1, 26), (run.Single("RF1701").Line, run.Single("RF1701").Column));
        Assert.Equal(1, run.Single("RF1706").Line);
    }

    [Fact]
    public void Audit_ReportsSenderAccessOkBeforeTheReject_AsForgeable()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            smtpd_recipient_restrictions = reject_unauth_destination,
              check_sender_access hash:/etc/postfix/trusted_senders,
              reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]
            """);
        site.Write("postfix/trusted_senders", "inbound.efax.com OK\n");

        var run = AuditRun.Of("--postfix", site["postfix"]);

        Assert.Equal(2, run.Single("RF1710").Line);
    }

    [Fact]
    public void Audit_ReportsAParameterThatExpandsToItself()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            a = $b
            b = ${a}
            smtpd_client_restrictions = $a
            """);

        var run = AuditRun.Of("--postfix", site["postfix"]);

        Assert.Contains(run.Findings, f => f.Code == "RF1792");
        Assert.Equal(0, run.Exit);
    }

    [Fact]
    public void Audit_IgnoresAWarnOnlyReject_AndNamesTheServiceOnlyForItsOwnList()
    {
        using var site = new TempFolder();
        site.Write("postfix/main.cf", """
            smtpd_client_restrictions = warn_if_reject reject_rbl_client zen.spamhaus.org
            smtpd_recipient_restrictions = reject_unauth_destination, reject_rbl_client bl.spamcop.net
            """);
        site.Write("postfix/master.cf", """
            smtp      inet  n       -       y       -       -       smtpd
            submission inet n       -       y       -       -       smtpd
              -o { smtpd_recipient_restrictions = reject_rbl_client bl.spamcop.net,
                check_client_access cidr:/etc/postfix/x.cidr }
            """);
        site.Write("postfix/x.cidr", "192.0.2.0/24 OK\n");

        var run = AuditRun.Of("--postfix", site["postfix"]);

        var unfiltered = run.Findings.Where(f => f.Code == "RF1701").ToList();
        Assert.Equal([2, 3], unfiltered.Select(f => f.Line).Order());
        Assert.DoesNotContain("service", unfiltered[0].Message, StringComparison.Ordinal);
        Assert.Contains("service 'submission'", run.Single("RF1703").Message, StringComparison.Ordinal);
    }
}
