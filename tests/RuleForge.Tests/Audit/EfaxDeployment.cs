using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Audit;

/// <summary>
/// rules/efax.yaml built into a temp folder and laid out as an installed site would have it:
/// a stock-like main.cf with the generated fragment applied, a master.cf that runs postscreen,
/// and the tables, maps and .cf files where the daemons read them.
/// </summary>
public sealed class EfaxDeployment : IDisposable
{
    private readonly TempFolder _temp = new();

    public EfaxDeployment()
    {
        var built = CliRunner.Run("build", Policy, "--out", _temp["out"]);
        Assert.True(built.ExitCode == 0, built.Stderr);
        var fragment = File.ReadAllLines(_temp["out/postfix/main.cf.fragment"]).Where(l => !l.StartsWith('#'));
        _temp.Write("site/postfix/main.cf", """
            # Debian-like base configuration
            smtpd_banner = $myhostname ESMTP $mail_name
            myhostname = mx.example.org
            mynetworks = 127.0.0.0/8 [::1]/128
            smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination

            """ + string.Join('\n', fragment) + "\n");
        _temp.Write("site/postfix/master.cf", """
            smtp      inet  n       -       y       -       1       postscreen
            smtpd     pass  -       -       y       -       -       smtpd
            dnsblog   unix  -       -       y       -       0       dnsblog
            tlsproxy  unix  -       -       y       -       0       tlsproxy
            submission inet n       -       y       -       -       smtpd
              -o syslog_name=postfix/submission
              -o smtpd_tls_security_level=encrypt
              -o smtpd_client_restrictions=permit_sasl_authenticated,reject
            pickup    unix  n       -       y       60      1       pickup
            """);
        Copy(_temp["out/postfix/ruleforge"], _temp["site/postfix/ruleforge"]);
        Copy(_temp["out/rspamd"], _temp["site/rspamd"]);
        Copy(_temp["out/spamassassin"], _temp["site/spamassassin"]);
    }

    /// <summary>The policy the deployment was built from.</summary>
    public static string Policy => Path.Combine(RepoPaths.Rules, "efax.yaml");

    /// <summary>The built tree, as 'ruleforge build' wrote it.</summary>
    public string Built => _temp["out"];

    /// <summary>The installed site: postfix/, rspamd/, spamassassin/.</summary>
    public string Site => _temp["site"];

    /// <summary>A path inside the installed site.</summary>
    public string this[string relative] => Path.Combine(Site, relative);

    /// <summary>The audit options for every daemon of the installed site.</summary>
    public string[] SiteOptions =>
        ["--postfix", this["postfix"], "--rspamd", this["rspamd"], "--spamassassin", this["spamassassin"]];

    public void Dispose() => _temp.Dispose();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
