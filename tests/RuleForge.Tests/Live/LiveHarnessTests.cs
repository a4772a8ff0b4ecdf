using RuleForge.Live;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.Live;

/// <summary>
/// Runs the efax policy's tree in the real Rspamd, SpamAssassin and Postfix through the live
/// harness. These tests need root and the daemons (scripts/install-daemons.sh); without them
/// they fail with the harness's problems, never skip.
/// </summary>
[Collection(Support.LiveDaemonsCollection.Name)]
public sealed class LiveHarnessTests(LiveHarnessFixture fixture, ITestOutputHelper output)
    : IClassFixture<LiveHarnessFixture>
{
    [Fact]
    public void Run_ObservesEveryScenario_WithoutProblems()
    {
        var result = Result();

        Assert.Equal(LiveHarnessFixture.Scenarios.Select(s => s.Name), result.Observations.Select(o => o.Scenario));
        Assert.All(result.Observations, o =>
        {
            Assert.NotNull(o.SmtpdCode);
            Assert.NotNull(o.PostscreenCode);
            Assert.NotNull(o.Delivered);
            Assert.NotNull(o.RspamdAction);
            Assert.NotNull(o.SpamAssassinScore);
        });
    }

    [Fact]
    public void Run_AsksOnlyTheLoopbackResolver()
    {
        var result = Result();

        Assert.NotEmpty(result.DnsQueries);
        Assert.NotEmpty(result.Resolvers);
        Assert.All(result.Resolvers, r => Assert.Equal("127.0.0.1", r));
        Assert.All(result.DnsQueries, q => Assert.EndsWith(" from 127.0.0.1", q, StringComparison.Ordinal));
        Assert.Contains(result.DnsQueries, q => q.Contains(" 10.2.0.192.zen.spamhaus.org ", StringComparison.Ordinal));
        Assert.Contains(result.DnsQueries,
            q => q.StartsWith("53 TXT _dmarc.inbound.efax.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_TrustedEfaxIpListedInZen_PassesSmtpdAndPostscreen_AndIsDelivered()
    {
        var o = Observation("trusted-listed");

        Assert.Equal(250, o.SmtpdCode);
        Assert.Equal(250, o.PostscreenCode);
        Assert.True(o.Delivered, Describe(o));
        Assert.DoesNotContain("RF_BL_SPAMHAUS_ZEN", o.RspamdSymbols!.Keys);
        Assert.Contains("RF_TRUST_EFAX_IP", o.RspamdSymbols!.Keys);
        Assert.Contains("RF_TRUST_EFAX_IP", o.SpamAssassinRules!.Keys);
        Assert.False(o.SpamAssassinIsSpam, Describe(o));
    }

    [Fact]
    public void Run_UntrustedIpListedInZen_IsRejectedBySmtpdAndPostscreen()
    {
        var o = Observation("untrusted-listed");

        Assert.Equal(554, o.SmtpdCode);
        Assert.Equal(550, o.PostscreenCode);
        Assert.False(o.Delivered, Describe(o));
        Assert.Contains("RF_BL_SPAMHAUS_ZEN", o.RspamdSymbols!.Keys);
        Assert.Contains("RF_BL_SPAMHAUS_ZEN", o.SpamAssassinRules!.Keys);
    }

    [Fact]
    public void Run_ZenErrorAnswer_IsNotAListing()
    {
        var o = Observation("untrusted-error-answer");

        Assert.Equal(250, o.SmtpdCode);
        Assert.Equal(250, o.PostscreenCode);
        Assert.DoesNotContain("RF_BL_SPAMHAUS_ZEN", o.RspamdSymbols!.Keys);
        Assert.DoesNotContain("RF_BL_SPAMHAUS_ZEN", o.SpamAssassinRules!.Keys);
    }

    [Fact]
    public void Run_TrustedIpv6ListedInZen_PassesSmtpdAndPostscreen()
    {
        var o = Observation("trusted-v6-listed");

        Assert.Equal(250, o.SmtpdCode);
        Assert.Equal(250, o.PostscreenCode);
        Assert.True(o.Delivered, Describe(o));
        Assert.Contains("RF_TRUST_EFAX_IP", o.RspamdSymbols!.Keys);
        Assert.Contains("RF_TRUST_EFAX_IP", o.SpamAssassinRules!.Keys);
    }

    [Fact]
    public void Run_AuthenticatedEfaxOutsideTheRanges_EarnsAuthenticationTrustOnly()
    {
        var o = Observation("authenticated-outside");

        Assert.Contains("RF_TRUST_EFAX_AUTH", o.RspamdSymbols!.Keys);
        Assert.Contains("RF_TRUST_EFAX_AUTH", o.SpamAssassinRules!.Keys);
        Assert.DoesNotContain("RF_TRUST_EFAX_IP", o.RspamdSymbols!.Keys);
        Assert.DoesNotContain("RF_TRUST_EFAX_IP", o.SpamAssassinRules!.Keys);
    }

    [Fact]
    public void Run_SpoofedEfaxWithSpfFailAndNoDkim_EarnsNoTrust()
    {
        var o = Observation("spoofed");

        Assert.DoesNotContain("RF_TRUST_EFAX_AUTH", o.RspamdSymbols!.Keys);
        Assert.DoesNotContain("RF_TRUST_EFAX_AUTH", o.SpamAssassinRules!.Keys);
        Assert.DoesNotContain("RF_TRUST_EFAX_IP", o.RspamdSymbols!.Keys);
        Assert.Contains("R_SPF_FAIL", o.RspamdSymbols!.Keys);
        Assert.Contains("SPF_FAIL", o.SpamAssassinRules!.Keys);
    }

    private LiveRunResult Result()
    {
        Assert.True(fixture.BuildError is null, $"rules/efax.yaml did not build:\n{fixture.BuildError}");
        var result = fixture.Result!;
        output.WriteLine(fixture.Log);
        output.WriteLine($"harness run: {fixture.Seconds:0.0} s");
        Assert.True(result.Problems.Count == 0,
            "the live harness could not observe everything (it needs root and the daemons, "
            + "see scripts/install-daemons.sh):\n" + string.Join("\n", result.Problems));
        return result;
    }

    private Observation Observation(string name)
    {
        var o = Result().Observations.Single(x => x.Scenario == name);
        output.WriteLine(Describe(o));
        return o;
    }

    private static string Describe(Observation o) =>
        $"{o.Scenario}: smtpd {o.SmtpdCode}, postscreen {o.PostscreenCode}, delivered {o.Delivered}; "
        + $"rspamd {o.RspamdAction} {o.RspamdScore} "
        + $"[{string.Join(", ", o.RspamdSymbols?.Select(s => $"{s.Key}={s.Value}") ?? [])}]; "
        + $"spamassassin {o.SpamAssassinScore} spam={o.SpamAssassinIsSpam} "
        + $"[{string.Join(", ", o.SpamAssassinRules?.Select(s => $"{s.Key}={s.Value}") ?? [])}]";
}
