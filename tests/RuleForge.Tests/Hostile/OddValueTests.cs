using RuleForge.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Values that are valid but look like every target's syntax (quotes, braces, semicolons,
/// comment marks, $ and ${VAR}, .include, eval:, backslashes, Unicode, a line break in the policy
/// file's name) must build; every generated file, read back, has exactly the directives of a
/// bland twin policy; and the real daemons accept the tree ('ruleforge verify').
/// </summary>
[Collection(LiveDaemonsCollection.Name)]
public sealed class OddValueTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Free text aimed at Rspamd UCL, SpamAssassin, Postfix and Markdown at once.</summary>
    public const string Odd =
        "Quotes \\\"double\\\" and 'single', braces {x} [y] (z); semicolon; hash # not a comment, " +
        "$myhostname ${LOCAL_CONFDIR} $(cmd) %s {0}, backslash \\\\ and \\\\\\\", .include \\\"/etc/passwd\\\" " +
        "include /etc/passwd eval:check_rbl('x') */ /* | pipe | <b>html</b> `code` " +
        "unicode \u00fcn\u00efc\u00f6d\u00e9 \u65e5\u672c \ud83c\udf89 \u0639\u0631\u0628\u064a";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OddButValidValues_Build_KeepEveryDirective_AndPassVerify()
    {
        CliProcess.RequireRoot();
        var bland = BuildTwin("bland", "plain text", "plain.example.com", "smtp", "bland.yaml");
        var odd = BuildTwin("odd", Odd, "b\u00fccher.example.com", "smtp \\\"x\\\" {y}; $z #w",
            "odd \"$x {y}; #z\n.include mynetworks = 0.0.0.0-0.yaml");

        var blandFiles = Files(bland);
        var oddFiles = Files(odd);
        Assert.Equal(blandFiles.Keys.Order(), oddFiles.Keys.Order());
        foreach (var (path, content) in blandFiles)
        {
            var expected = DirectiveSkeleton.Of(path, content);
            var actual = DirectiveSkeleton.Of(path, oddFiles[path]);
            Assert.True(expected == actual, $"{path}: the odd values changed the directives\n--- bland\n{expected}\n" +
                $"--- odd\n{actual}\n--- odd file\n{oddFiles[path]}");
        }

        output.WriteLine($"compared {blandFiles.Count} files directive by directive");
        // The odd values did reach the files: descriptions in the proof, the file name in every header.
        Assert.Contains("\u00fcn\u00efc\u00f6d\u00e9", oddFiles["proof.md"], StringComparison.Ordinal);
        var withHeader = oddFiles.Where(f => !f.Key.EndsWith(".json", StringComparison.Ordinal)
            && !f.Key.EndsWith(".html", StringComparison.Ordinal) && f.Key != "proof.md");
        Assert.All(withHeader,
            f => Assert.Contains("odd \"$x {y}; #z .include mynetworks", f.Value, StringComparison.Ordinal));
        Assert.Contains("xn--bcher-kva.example.com", oddFiles["rspamd/local.d/ruleforge/partner.domains.map"],
            StringComparison.Ordinal);

        var verify = CliRunner.Run("verify", odd);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private string BuildTwin(string name, string text, string domain, string service, string fileName)
    {
        var folder = _temp[name];
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "feed.json"), $$"""
            { "egress": [
              { "service": "{{service}}", "note": "{{text}}", "prefixes": ["192.0.2.64/27", "2001:db8:10::/48"] },
              { "service": "web", "note": "{{text}}", "prefixes": ["192.0.2.128/27"] }
            ] }
            """);
        var yamlText = text.Replace("\\\\", "\\", StringComparison.Ordinal)
            .Replace("\\\"", "\"", StringComparison.Ordinal);
        var policy = $$"""
            policy: twin
            description: {{Quote(yamlText)}}
            targets:
              postfix:
                version: "3.7"
                restriction_list: smtpd_recipient_restrictions
                before: [permit_mynetworks, reject_unauth_destination]
                postscreen: { threshold: 3, action: enforce }
              rspamd:
                version: "3.4"
                actions: { greylist: 4, add_header: 6, reject: 15 }
                disable_stock_rbls: [spamhaus]
              spamassassin:
                version: "4.0"
                required_score: 5
                disable_stock_rules: [RCVD_IN_SBL]
            feeds:
              - id: egress
                file: feed.json
                shape: generic
                items: egress
                cidr_field: prefixes
            senders:
              - id: partner
                description: {{Quote(yamlText)}}
                domains: [{{domain}}]
                authentication: { match: all, spf: pass, dkim: aligned, dmarc: pass }
                ranges:
                  inline: [192.0.2.0/27]
                  select:
                    - feed: egress
                      where: { service: {{Quote(service.Replace("\\\"", "\"", StringComparison.Ordinal))}} }
                  acknowledge: [documentation]
                credit: outrank
            blocklists:
              - id: zen
                description: {{Quote(yamlText)}}
                zone: zen.spamhaus.org
                checks: client-ip
                listing_codes: [127.0.0.2-127.0.0.11]
                act:
                  postscreen: { weight: 3 }
                  smtpd: reject
                  rspamd: { score: 7 }
                  spamassassin: { score: 4 }
            """;
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, policy);
        var outDir = Path.Combine(folder, "out");
        var run = CliRunner.Run("build", path, "--out", outDir);
        Assert.True(run.ExitCode == 0, $"{name}: {run}");
        return outDir;
    }

    // A YAML double-quoted scalar with every character as it is, except '\\' and '"'.
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static Dictionary<string, string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText, StringComparer.Ordinal);
}
