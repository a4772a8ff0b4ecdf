using System.Text.RegularExpressions;
using RuleForge.Net;
using RuleForge.Planning;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Cli;

/// <summary>The real-world cases C1 to C5 from the issue, on the example policies and small ones.</summary>
public sealed partial class RealWorldCaseTests : IDisposable
{
    private const string TestPolicy = "test policy";

    private readonly TempFolder _temp = new();

    public static TheoryData<string> Policies() => new(TestPolicy, "efax.yaml", "m365-partner.yaml");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void C1_Build_RejectsContentOnlyTrust_WhenPostfixRejectsAtRcpt()
    {
        var policy = PolicyText.With("    ranges:\n      inline: [40.92.0.0/16, 2a01:111:f400::/48]\n", "")
            .Replace("postscreen: { weight: 3 }", "postscreen: off", StringComparison.Ordinal);

        var result = CliRunner.Run("build", _temp.Write("policy.yaml", policy), "--out", _temp["out"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = result.Stderr.Split('\n').Single(l => l.Contains("error RF1401", StringComparison.Ordinal));
        Assert.Contains("sender 'partner'", line, StringComparison.Ordinal);
        Assert.Contains("blocklist 'zen'", line, StringComparison.Ordinal);
        Assert.Contains("in postfix at RCPT (smtpd_recipient_restrictions)", line, StringComparison.Ordinal);
        Assert.Contains("hint: Ways out: list the sender's published IP ranges", result.Stderr,
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void C2_Postscreen_PermitsEveryTrustedRange_BeforeTheDnsblTest(string name)
    {
        var built = Build(name);
        var mainCf = Parameters(built["postfix/main.cf.fragment"]);
        var table = built["postfix/ruleforge/postscreen_access.cidr"];

        Assert.Equal("permit_mynetworks, cidr:/etc/postfix/ruleforge/postscreen_access.cidr",
            mainCf["postscreen_access_list"]);
        var entries = TableEntries(table);
        foreach (var network in TrustedNetworks(built))
        {
            Assert.Contains((network.ToString(), "permit"), entries);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void C3_BlocklistTests_NeverMentionTheErrorBlock_AndPostfixFiltersByListingCode(string name)
    {
        var built = Build(name);
        var mainCf = Parameters(built["postfix/main.cf.fragment"]);

        string[] paths = ["postfix/main.cf.fragment", "rspamd/local.d/rbl.conf", "spamassassin/ruleforge.cf"];
        foreach (var path in paths)
        {
            Assert.DoesNotContain("127.255.255", built[path], StringComparison.Ordinal);
            Assert.DoesNotContain(@"127\.255\.255", built[path], StringComparison.Ordinal);
            Assert.DoesNotContain("127%.255%.255", built[path], StringComparison.Ordinal);
        }

        var lookups = Split(mainCf[built.Plan.Policy.Targets.Postfix!.RestrictionList])
            .Where(e => e.StartsWith("reject_rbl_client", StringComparison.Ordinal)
                || e.StartsWith("reject_rhsbl_sender", StringComparison.Ordinal))
            .Concat(Split(mainCf["postscreen_dnsbl_sites"]))
            .ToList();
        Assert.NotEmpty(lookups);
        Assert.All(lookups, e => Assert.Matches(@"=127\.\d+\.\d+\.(?:\d+|\[[\d.;]+\])(?:\*\d+)?$", e));
        Assert.Contains("unknown = false;", built["rspamd/local.d/rbl.conf"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void C3_SpamAssassinSubtests_MatchExactlyTheListingCodes(string name)
    {
        var built = Build(name);
        var cf = built["spamassassin/ruleforge.cf"];

        foreach (var list in built.Plan.Policy.Blocklists.Where(b => b.Act.SpamAssassinScore is not null))
        {
            var rule = "RF_BL_" + list.Id.ToUpperInvariant().Replace('-', '_');
            // The subtest is the last argument: check_rbl_sub(set, re) or check_rbl_envfrom(set, zone, re).
            var line = Lines(cf)
                .SingleOrDefault(l => l.StartsWith($"header   {rule} eval:", StringComparison.Ordinal));
            Assert.True(line is not null, $"no eval rule {rule}");
            var regex = new Regex(QuotedArgumentPattern().Matches(line).Last().Groups[1].Value);
            AssertMatchesExactlyTheListingCodes(list, regex.IsMatch);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void C3_RspamdReturnCodes_MatchExactlyTheListingCodes_UnderTheRblModulesMatcher(string name)
    {
        var built = Build(name);
        var conf = built["rspamd/local.d/rbl.conf"];

        foreach (var rule in built.Plan.Rspamd!.Blocklists)
        {
            var list = built.Plan.Policy.Blocklists.Single(b => b.Id == rule.BlocklistId);
            var start = conf.IndexOf($"  {rule.RuleName} {{\n", StringComparison.Ordinal);
            var block = conf[start..conf.IndexOf("\n  }\n", start, StringComparison.Ordinal)];
            var matcher = MatcherPattern().Match(block) is { Success: true } m ? m.Groups[1].Value : "equality";
            var codes = ReturnCodesPattern().Match(block);
            Assert.True(codes.Success, $"no returncodes for {rule.RuleName}");
            var values = QuotedPattern().Matches(codes.Groups[1].Value).Select(q => q.Groups[1].Value).ToList();

            // Note: the rbl module compares answers with string equality unless returncodes_matcher
            // says otherwise; 'luapattern' anchors each pattern with ^ and $.
            Func<string, bool> matches = matcher switch
            {
                "equality" => answer => values.Contains(answer),
                "luapattern" => answer => values.Any(p => Regex.IsMatch(answer, "^" + LuaToRegex(p) + "$")),
                _ => throw new Xunit.Sdk.XunitException($"unexpected returncodes_matcher {matcher}"),
            };
            AssertMatchesExactlyTheListingCodes(list, matches);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void C4_EveryTarget_TrustsBothAddressFamilies(string name)
    {
        var built = Build(name);
        var networks = TrustedNetworks(built);
        Assert.Contains(networks, n => n.Family == IpFamily.V4);
        Assert.Contains(networks, n => n.Family == IpFamily.V6);

        foreach (var sender in built.Plan.Policy.Senders.Where(s => s.Ranges is not null))
        {
            var clients = TableEntries(built[$"postfix/ruleforge/{sender.Id}.clients.cidr"])
                .Select(e => e.Key).ToList();
            var map = Lines(built[$"rspamd/local.d/ruleforge/{sender.Id}.ip.map"]);
            var sa = Lines(built["spamassassin/ruleforge.cf"]);
            var saName = sender.Id.Replace('-', '_');
            foreach (var network in sender.Ranges!.Networks)
            {
                Assert.Contains(network.ToString(), clients);
                Assert.Contains(network.ToString(), map);
                Assert.Contains($"ruleforge_client_net {saName} {network}", sa);
            }
        }

        var rbl = built["rspamd/local.d/rbl.conf"];
        Assert.DoesNotContain("ipv6 = false", rbl, StringComparison.Ordinal);
        Assert.DoesNotContain("ipv4 = false", rbl, StringComparison.Ordinal);
    }

    [Fact]
    public void C4_TestPolicy_HasAnIpv4AndAnIpv6Range()
    {
        var built = Build(TestPolicy);

        Assert.Equal(["40.92.0.0/16", "2a01:111:f400::/48"],
            built.Plan.Policy.Senders.Single().Ranges!.Networks.Select(n => n.ToString()));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void C5_SpamAssassin_NeverTrustsByUnauthenticatedFrom(string name)
    {
        var cf = Build(name)["spamassassin/ruleforge.cf"];

        Assert.DoesNotMatch(@"(?m)^\s*(?:whitelist|welcomelist)_from(?:\s|$)", cf);
        Assert.DoesNotMatch(@"(?m)^\s*(?:whitelist|welcomelist)_from_rcvd\s", cf);
    }

    [Theory]
    [InlineData("spf: pass, dkim: aligned", new[] { "R_SPF_ALLOW", "DKIM_TRACE[" }, new[] { "DMARC_POLICY_ALLOW" })]
    [InlineData("spf: pass, dkim: aligned, dmarc: pass", new[] { "R_SPF_ALLOW", "DKIM_TRACE[", "DMARC_POLICY_ALLOW" },
        new string[0])]
    [InlineData("dmarc: pass", new[] { "DMARC_POLICY_ALLOW" }, new[] { "R_SPF_ALLOW", "DKIM_TRACE[" })]
    [InlineData("dkim: [mailer.example.net]", new[] { "DKIM_TRACE[mailer.example.net:+]" }, new[] { "R_SPF_ALLOW" })]
    public void C5_RspamdTrustComposite_RequiresTheAuthenticationSymbols(
        string checks, string[] present, string[] absent)
    {
        var policy = PolicyText.With("spf: pass, dkim: aligned", checks);
        var conf = Build(policy, isText: true)["rspamd/local.d/composites.conf"];

        var expression = CompositeExpression(conf, "RF_TRUST_PARTNER_AUTH");
        Assert.All(present, symbol => Assert.Contains(symbol, expression, StringComparison.Ordinal));
        Assert.All(absent, symbol => Assert.DoesNotContain(symbol, expression, StringComparison.Ordinal));
        Assert.Contains("RF_PARTNER_", expression, StringComparison.Ordinal);
    }

    [Fact]
    public void C5_EfaxTrustComposite_RequiresSpfDkimAndDmarc()
    {
        var conf = Build("efax.yaml")["rspamd/local.d/composites.conf"];
        var expression = CompositeExpression(conf, "RF_TRUST_EFAX_AUTH");

        Assert.Contains("R_SPF_ALLOW", expression, StringComparison.Ordinal);
        Assert.Contains("DKIM_TRACE[inbound.efax.com:+]", expression, StringComparison.Ordinal);
        Assert.Contains("DMARC_POLICY_ALLOW", expression, StringComparison.Ordinal);
    }

    private static void AssertMatchesExactlyTheListingCodes(RuleForge.Model.Blocklist list, Func<string, bool> matches)
    {
        foreach (var code in list.ListingCodes.SelectMany(r => r.Addresses()))
        {
            var text = RuleForge.Model.ListingCodeRange.Format(code);
            Assert.True(matches(text), $"{list.Id}: listing code {text} does not match");
        }

        foreach (var answer in new[] { "127.0.0.1", "127.255.255.252", "127.255.255.254", "127.255.255.255" }
            .Concat(list.ListingCodes.SelectMany(r => new[] { r.First - 1, r.Last + 1 })
                .Where(a => !list.IsListing(a)).Select(RuleForge.Model.ListingCodeRange.Format))
            .Concat(list.ListingCodes.Select(r => RuleForge.Model.ListingCodeRange.Format(r.First) + "0")
                .Where(a => IpNetwork.TryParseAddress(a, out _, out var v) && !list.IsListing((uint)v))))
        {
            Assert.False(matches(answer), $"{list.Id}: {answer} is not a listing code but matches");
        }
    }

    private static string LuaToRegex(string pattern) =>
        Regex.Replace(pattern, "%(.)", m => Regex.Escape(m.Groups[1].Value));

    private static string CompositeExpression(string conf, string name)
    {
        var start = conf.IndexOf(name + " {", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no composite {name} in:\n{conf}");
        return ExpressionPattern().Match(conf, start).Groups[1].Value;
    }

    private static List<IpNetwork> TrustedNetworks(BuiltPolicy built) =>
        built.Plan.Policy.Senders.Where(s => s.Ranges is not null).SelectMany(s => s.Ranges!.Networks).ToList();

    private static Dictionary<string, string> Parameters(string mainCf) =>
        Lines(mainCf).Where(l => l.Contains(" = ", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(" = ", StringComparison.Ordinal)],
                l => l[(l.IndexOf(" = ", StringComparison.Ordinal) + 3)..], StringComparer.Ordinal);

    private static List<(string Key, string Value)> TableEntries(string table) =>
        Lines(table).Select(l => l.Split(' ', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToList();

    private static List<string> Lines(string text) =>
        text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    private static string[] Split(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static BuiltPolicy Build(string name, bool isText = false) =>
        isText ? BuiltPolicy.FromText(name)
        : name == TestPolicy ? BuiltPolicy.FromText(PolicyText.Valid)
        : BuiltPolicy.FromRules(name);

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedArgumentPattern();

    [GeneratedRegex(@"returncodes_matcher\s*=\s*""([a-z]+)""")]
    private static partial Regex MatcherPattern();

    [GeneratedRegex(@"returncodes\s*\{\s*\w+\s*=\s*\[([^\]]*)\]")]
    private static partial Regex ReturnCodesPattern();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"expression = ""([^""]*)"";")]
    private static partial Regex ExpressionPattern();
}
