using RuleForge.Explanation;
using RuleForge.LiveProof;
using RuleForge.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.LiveProof;

public class ScenarioMatrixTests(ITestOutputHelper output)
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RuleForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RuleForge.sln not found");
    }

    private static ScenarioMatrix Matrix(string policy)
    {
        var path = Path.Combine(RepoRoot(), "rules", policy);
        var prepared = BuildPipeline.Prepare(path, $"rules/{policy}", new PolicyDefaults());
        Assert.NotNull(prepared.Plan);
        return ScenarioMatrix.For(prepared.Plan!);
    }

    [Theory]
    [InlineData("efax.yaml")]
    [InlineData("m365-partner.yaml")]
    public void Matrix_HasAtLeastAHundredScenarios_WithUniqueNamesAndClients(string policy)
    {
        var matrix = Matrix(policy);
        var scenarios = matrix.Scenarios.Select(s => s.Scenario).ToList();
        output.WriteLine($"{policy}: {scenarios.Count} scenarios");
        Assert.True(scenarios.Count >= 100, $"only {scenarios.Count} scenarios");
        Assert.Equal(scenarios.Count, scenarios.Select(s => s.Name).Distinct().Count());
        Assert.Equal(scenarios.Count, scenarios.Select(s => s.ClientIp).Distinct().Count());
    }

    [Fact]
    public void Matrix_CoversBothFamilies_ErrorAnswers_SpoofingAndDmarcFailure()
    {
        var planned = Matrix("efax.yaml").Scenarios;
        Assert.Contains(planned, p => p.Scenario.ClientIp.Contains(':', StringComparison.Ordinal));
        Assert.Contains(planned, p => !p.Scenario.ClientIp.Contains(':', StringComparison.Ordinal));
        Assert.Contains(planned, p => p.Scenario.Listings.Any(l => l.Answer == "127.255.255.254"));
        Assert.Contains(planned, p => p.Scenario.Listings.Any(l => l.Answer == "127.255.255.255"));
        Assert.Contains(planned, p => p.Facts.Spf == AuthResult.Fail && p.Facts.Dkim == AuthResult.None
            && p.Facts.HeaderDomain == "inbound.efax.com" && p.Scenario.Listings.Count > 0);
        Assert.Contains(planned, p => p.Facts.Dmarc == AuthResult.Fail && p.Facts.HeaderDomain == "inbound.efax.com");
        Assert.Contains(planned, p => p.Facts.Dkim == AuthResult.Pass && p.Facts.Spf == AuthResult.Fail);
    }

    [Fact]
    public void Predictions_TrustedListedClient_IsAcceptedEverywhere_AndStrangerIsRejected()
    {
        var path = Path.Combine(RepoRoot(), "rules", "efax.yaml");
        var plan = BuildPipeline.Prepare(path, "rules/efax.yaml", new PolicyDefaults()).Plan!;
        var planned = ScenarioMatrix.For(plan).Scenarios;
        MessageFacts Facts(string name) => planned.First(p => p.Scenario.Name == name).Facts;
        var trusted = Explainer.Explain(plan, Facts("efax-spamhaus-zen-v4-trusted-listed"));
        Assert.Equal("pass", trusted.Postscreen!.Decision);
        Assert.Equal("accept", trusted.Smtpd!.Decision);
        Assert.Equal("no action", trusted.Rspamd!.Action);
        Assert.Equal("ham", trusted.SpamAssassin!.Action);
        var stranger = Explainer.Explain(plan, Facts("stranger-spamhaus-zen-v6-listed"));
        Assert.Equal("reject", stranger.Postscreen!.Decision);
        Assert.Equal("reject", stranger.Smtpd!.Decision);
        var error = Explainer.Explain(plan, Facts("stranger-spamhaus-zen-v4-code-127-255-255-254"));
        Assert.Equal("accept", error.Smtpd!.Decision);
        Assert.DoesNotContain(error.Rspamd!.Rules, r => r.Rule.StartsWith("RF_BL_", StringComparison.Ordinal));
    }
}
