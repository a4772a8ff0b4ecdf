using System.Text.Json;
using RuleForge.Tests.Spf;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Lock;

public sealed class LockCommandTests : IDisposable
{
    private const string Domain = "partner.example.com";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string OwnRecord = "v=spf1 ip4:192.0.2.0/25 include:_spf.partner.example.com -all";

    private static LoopbackDnsServer Partner(string ownRecord = OwnRecord) => new LoopbackDnsServer()
        .Txt(Domain, ownRecord)
        .Txt("_spf.partner.example.com", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:77::/48 -all");

    [Fact]
    public void Lock_WritesTheLockfile_WithRecordsRangesProvenanceCountsAndHash()
    {
        using var dns = Partner();
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));

        var run = LockPolicies.Lock(policy, dns.Flag);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("p.yaml.lock.json written; resolved: partner.example.com", run.Stdout,
            StringComparison.Ordinal);
        var text = File.ReadAllText(LockPolicies.LockfileOf(policy));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(["contentHash", "feeds", "schema", "spf"], root.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("sha256:", root.GetProperty("contentHash").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Empty(root.GetProperty("feeds").EnumerateObject());
        var entry = root.GetProperty("spf").GetProperty(Domain);
        Assert.Equal(["192.0.2.0/25", "198.51.100.0/24", "2001:db8:77::/48"],
            entry.GetProperty("ranges").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, entry.GetProperty("lookups").GetInt32());
        Assert.Equal(0, entry.GetProperty("voidLookups").GetInt32());
        Assert.Equal(["_spf.partner.example.com", Domain],
            entry.GetProperty("records").EnumerateObject().Select(p => p.Name));
        var viaInclude = entry.GetProperty("provenance").EnumerateArray()
            .Single(p => p.GetProperty("range").GetString() == "198.51.100.0/24");
        Assert.Equal("include:_spf.partner.example.com", viaInclude.GetProperty("via").GetString());
    }

    [Fact]
    public void Build_NeedsNoDns_OnceTheLockfileExists_AndPutsTheSpfRangesIntoTheRestrictionClassAndProof()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        // Note: the server is gone and the settings name a loopback port nothing listens on.
        var outDir = _temp["out"];
        var run = CliRunner.Run("build", policy, "--out", outDir, "--settings", LockPolicies.NoDnsSettings(policy));

        Assert.True(run.ExitCode == 0, run.ToString());
        var clients = File.ReadAllText(Path.Combine(outDir, "postfix/ruleforge/partner.clients.cidr"));
        Assert.Contains("198.51.100.0/24 rf_trust_partner", clients, StringComparison.Ordinal);
        Assert.Contains("# spf partner.example.com (include:_spf.partner.example.com: ip4:198.51.100.0/24)",
            clients, StringComparison.Ordinal);
        Assert.Contains("2001:db8:77::/48 rf_trust_partner", clients, StringComparison.Ordinal);
        var mainCf = File.ReadAllText(Path.Combine(outDir, "postfix/main.cf.fragment"));
        Assert.Contains("rf_trust_partner = check_sender_access", mainCf, StringComparison.Ordinal);
        var proof = File.ReadAllText(Path.Combine(outDir, "proof.md"));
        Assert.Contains("192.0.2.0/25 (spf partner.example.com (ip4:192.0.2.0/25))", proof, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("servfail")]
    [InlineData("timeout")]
    [InlineData("truncated")]
    public void Refresh_WithADnsFailure_ExitsOne_NamesTheName_AndLeavesTheLockfileByteIdentical(string failure)
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        var before = File.ReadAllBytes(LockPolicies.LockfileOf(policy));
        using var failing = Partner();
        _ = failure switch
        {
            "servfail" => failing.ServerFailure("_spf.partner.example.com"),
            "timeout" => failing.Delay("_spf.partner.example.com", TimeSpan.FromSeconds(12)),
            _ => failing.Truncate("_spf.partner.example.com", tcpToo: true),
        };
        var settings = _temp.Write("short.json", """{ "Dns": { "Timeout": 3, "Retries": 0 } }""");

        var run = CliRunner.Run("lock", policy, "--refresh", "--dns-server", failing.Flag, "--settings", settings);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("TXT _spf.partner.example.com failed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error RF1347", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(LockPolicies.LockfileOf(policy)));
    }

    [Fact]
    public void Refresh_PrintsTheRangesAddedAndRemovedPerSender()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        using var changed = Partner("v=spf1 ip4:192.0.2.0/25 ip4:203.0.113.7 include:_spf.partner.example.com -all");
        var run = LockPolicies.Lock(policy, changed.Flag, "--refresh");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("p.yaml.lock.json updated", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("sender partner (spf partner.example.com): 1 ranges added, 0 removed\n  + 203.0.113.7/32\n",
            run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var again = LockPolicies.Lock(policy, changed.Flag, "--refresh");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("is up to date", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("sender partner (spf partner.example.com): unchanged", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_ThatShrinksASenderBeyondTheLimit_IsRefused_UnlessAllowShrink()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        var before = File.ReadAllBytes(LockPolicies.LockfileOf(policy));
        using var shrunk = Partner("v=spf1 ip4:192.0.2.0/25 ip6:2001:db8:77::/48 -all");

        var refused = LockPolicies.Lock(policy, shrunk.Flag, "--refresh");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains(
            "error RF1346: the refresh would remove 256 of the 384 IPv4 addresses of sender 'partner' (67%)",
            refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(LockPolicies.LockfileOf(policy)));

        var allowed = LockPolicies.Lock(policy, shrunk.Flag, "--refresh", "--allow-shrink");

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("  - 198.51.100.0/24", allowed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_ShrinkWithinTheSetting_IsAccepted()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        using var shrunk = Partner("v=spf1 ip4:192.0.2.0/25 ip6:2001:db8:77::/48 -all");
        var settings = _temp.Write("lenient.json", """{ "Lock": { "MaxShrink": 0.9 } }""");

        var run = CliRunner.Run("lock", policy, "--refresh", "--dns-server", shrunk.Flag, "--settings", settings);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Lock_WithoutRefresh_KeepsLockedEntries_AndAsksNoDns()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        using var counting = Partner();
        var run = LockPolicies.Lock(policy, counting.Flag);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("is up to date; resolved: none", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, counting.Total);
    }

    [Fact]
    public void Build_WithoutALockfile_FailsWithTheLockHint()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));

        var run = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RF1340: sender 'partner' trusts the SPF ranges of 'partner.example.com'",
            run.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: Run 'ruleforge lock", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]));
    }

    [Fact]
    public void Build_WithALockfileMissingTheDomain_FailsWithTheLockHint()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        File.WriteAllText(policy, LockPolicies.Trusting("other.example.com"));
        var run = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RF1341: the lockfile 'p.yaml.lock.json' holds no SPF entry for 'other.example.com'",
            run.Stderr.Replace(Path.GetDirectoryName(policy) + "/", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithALockfileEditedByHand_FailsOnTheHash()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner())
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        var path = LockPolicies.LockfileOf(policy);
        var edited = File.ReadAllText(path).Replace("192.0.2.0/25", "192.0.2.0/24", StringComparison.Ordinal);
        File.WriteAllText(path, edited);
        var run = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RF1342", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not match its content hash", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RefusesPassAll_UnlessBroadIsAcknowledged()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner("v=spf1 ip4:192.0.2.0/25 +all"))
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        var run = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("0.0.0.0/0 (spf partner.example.com (+all))", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error RF12", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RefusesABroadSpfRange_NamingItsSpfSource()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner("v=spf1 ip4:198.18.0.0/15 -all"))
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        var run = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("198.18.0.0/15 (spf partner.example.com (ip4:198.18.0.0/15))", run.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WarnsThatUnflattenableTermsLeaveTheSenderProtectedAtRcptOnlyForTheFlattenedPart()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var dns = Partner("v=spf1 ip4:192.0.2.0/25 exists:%{i}.spf.partner.example.com -all"))
        {
            Assert.Equal(0, LockPolicies.Lock(policy, dns.Flag).ExitCode);
        }

        var run = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning RF1345: sender 'partner' trusts the SPF record of 'partner.example.com', whose terms "
            + "'exists:%{i}.spf.partner.example.com' (partner.example.com) cannot become address ranges",
            run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesSpfWithEnvelopeDomainNotRequired_AndABadSpfDomain()
    {
        var text = LockPolicies.Trusting(Domain)
            .Replace("spf: [partner.example.com]", "spf: [partner.example.com, 'bad domain!']\n"
                + "      envelope_domain_required: false", StringComparison.Ordinal);
        var policy = LockPolicies.Write(_temp, text);

        var run = CliRunner.Run("validate", policy);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RF1348: sender 'partner' trusts SPF ranges but sets envelope_domain_required: false",
            run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'bad domain!'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lock_RefusesABadMaxShrinkSetting_AsAUsageError()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        var settings = _temp.Write("bad.json", """{ "Lock": { "MaxShrink": 1.5 } }""");

        var run = CliRunner.Run("lock", policy, "--dns-server", "127.0.0.1:9", "--settings", settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Lock:MaxShrink", run.Stderr, StringComparison.Ordinal);
    }
}
