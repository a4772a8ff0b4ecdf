using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Audit;

public class RspamdAuditTests
{
    [Fact]
    public void Audit_ReportsRblRuleWithoutReturnCodes_AndUnknownTrue()
    {
        using var site = new TempFolder();
        site.Write("rspamd/local.d/rbl.conf", """
            # site rules
            rbls {
              barracuda {
                rbl = "b.barracudacentral.org";
                checks = ["from"];
              }
              zen_local {
                rbl = "zen.spamhaus.org";
                returncodes { ZEN_LOCAL = ["127.0.0.2", "127.0.0.3"]; }
                unknown = true;
              }
              spamhaus { enabled = false; }
            }
            """);

        var run = AuditRun.Of("--rspamd", site["rspamd"]);

        Assert.Equal((3, 3), (run.Single("RF1701").Line, run.Single("RF1701").Column));
        Assert.Contains("barracuda", run.Single("RF1701").Message, StringComparison.Ordinal);
        Assert.Equal(10, run.Single("RF1702").Line);
        Assert.Equal(1, run.Exit);
    }

    [Fact]
    public void Audit_ReportsFromMultimapWithNegativeScore_AndAcceptAction()
    {
        using var site = new TempFolder();
        site.Write("rspamd/local.d/multimap.conf", """
            TRUSTED_FROM {
              type = "from";
              filter = "email:domain";
              map = "/etc/rspamd/trusted_domains.map";
              score = -20.0;
            }
            TRUSTED_IP {
              type = "ip";
              map = "/etc/rspamd/trusted_ips.map";
              prefilter = true;
              action = "accept";
            }
            AUTH_FROM {
              type = "from";
              map = "/etc/rspamd/auth_domains.map";
              require_symbols = "R_SPF_ALLOW";
              score = -5;
            }
            """);

        var run = AuditRun.Of("--rspamd", site["rspamd"]);

        var forgeable = run.Single("RF1710");
        Assert.Equal(1, forgeable.Line);
        Assert.Contains("TRUSTED_FROM", forgeable.Message, StringComparison.Ordinal);
        Assert.Equal(11, run.Single("RF1711").Line);
    }

    [Fact]
    public void Audit_ReportsCompositeOverFromMapWithoutAuthentication_InOverrideD()
    {
        using var site = new TempFolder();
        site.Write("rspamd/local.d/multimap.conf", """
            FAX_FROM { type = "header"; header = "From"; map = "/etc/rspamd/fax.map"; score = 0.0; }
            """);
        site.Write("rspamd/override.d/composites.conf", """
            FAX_TRUST {
              expression = "FAX_FROM & !R_SPF_ALLOW";
              score = -15;
            }
            FAX_TRUST_AUTH {
              expression = "FAX_FROM & DMARC_POLICY_ALLOW";
              score = -15;
            }
            """);

        var run = AuditRun.Of("--rspamd", site["rspamd"]);

        var finding = run.Single("RF1710");
        Assert.Contains("FAX_TRUST'", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("override.d/composites.conf", finding.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ReportsWhitelistAndSettingsTrustByFromAlone()
    {
        using var site = new TempFolder();
        site.Write("rspamd/local.d/whitelist.conf", """
            rules {
              FAX_WL { domains = ["efax.com"]; score = -10; }
              FAX_WL_DMARC { domains = ["efax.com"]; valid_dmarc = true; }
            }
            """);
        site.Write("rspamd/local.d/settings.conf", """
            fax {
              priority = high;
              from = "@efax.com";
              apply { actions { reject = null; } }
            }
            """);

        var run = AuditRun.Of("--rspamd", site["rspamd"]);

        var files = run.Findings.Where(f => f.Code == "RF1710").Select(f => Path.GetFileName(f.File)).Order();
        Assert.Equal(["settings.conf", "whitelist.conf"], files);
    }

    [Fact]
    public void Audit_ReportsFilesRspamdNoLongerReads_AndUnparsableFiles()
    {
        using var site = new TempFolder();
        site.Write("rspamd/local.d/metrics.conf", "actions { reject = 20; }\n");
        site.Write("rspamd/local.d/groups.conf", "group \"fax\" {\n  symbols { \"X\" { weight = 1; }\n");

        var run = AuditRun.Of("--rspamd", site["rspamd"]);

        Assert.EndsWith("local.d/metrics.conf", run.Single("RF1712").File, StringComparison.Ordinal);
        Assert.Equal("warning", run.Single("RF1790").Severity);
        Assert.Equal(0, run.Exit);
    }
}
