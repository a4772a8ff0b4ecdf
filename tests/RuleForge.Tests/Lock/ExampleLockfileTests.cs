using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Lock;

/// <summary>
/// rules/spf-partner.yaml.lock.json is exactly what 'ruleforge lock' writes for the example
/// against its loopback zone (<see cref="SpfPartnerZone"/>), never against the real network.
/// </summary>
public sealed class ExampleLockfileTests : IDisposable
{
    private const string Policy = "spf-partner.yaml";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CommittedLockfile_IsWhatLockWritesFromTheExampleZone()
    {
        var policy = _temp.Write(Policy, File.ReadAllText(Path.Combine(RepoPaths.Rules, Policy)));
        using var dns = SpfPartnerZone.Serve();

        var run = LockPolicies.Lock(policy, dns.Flag);

        Assert.True(run.ExitCode == 0, run.ToString());
        var committed = Path.Combine(RepoPaths.Rules, Policy + ".lock.json");
        var locked = File.ReadAllText(LockPolicies.LockfileOf(policy));
        var received = Path.Combine(RepoPaths.Rules, Policy + ".lock.received.json");
        if (File.Exists(committed) && File.ReadAllText(committed) == locked)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, locked);
        Assert.Fail($"rules/{Policy}.lock.json differs from what 'ruleforge lock' writes now; review "
            + $"rules/{Policy}.lock.received.json and move it over the committed lockfile.");
    }

    [Fact]
    public void ExamplePolicy_Builds_FromItsLockfile_WithTheFlattenedRangesInTheRestrictionClass()
    {
        var outDir = _temp["out"];
        PolicyBuilds.BuildRule(Policy, outDir);

        var clients = PolicyBuilds.Read(outDir, "postfix/ruleforge/billing-partner.clients.cidr");
        Assert.Contains("203.0.113.25/32 rf_trust_billing_partner", clients, StringComparison.Ordinal);
        Assert.Contains("# spf invoices.example.com (include:_spf.mailer.example.net: ip4:198.51.100.0/25)",
            clients, StringComparison.Ordinal);
        var proof = PolicyBuilds.Read(outDir, "proof.md");
        Assert.Contains("- 2001:db8:25::/48 (spf invoices.example.com (include:_spf.mailer.example.net: "
            + "ip6:2001:db8:25::/48))", proof, StringComparison.Ordinal);
    }
}
