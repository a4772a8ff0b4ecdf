using System.Text.Json;
using RuleForge.LiveProof;
using RuleForge.Output;
using RuleForge.Pipeline;
using RuleForge.Rendering;
using RuleForge.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.LiveProof;

/// <summary>
/// Runs the scenario matrix against the real Postfix, Rspamd and SpamAssassin. These tests need
/// root and the daemons (scripts/install-daemons.sh); without them they fail, never skip.
/// </summary>
[Collection(LiveDaemonsCollection.Name)]
public sealed class LiveVerifyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Efax_AllScenarios_AgreeWithExplain_AndOnlyTheLoopbackResolverWasAsked()
    {
        var path = Path.Combine(RepoPaths.Rules, "efax.yaml");
        var outcome = BuildPipeline.Build(path, "rules/efax.yaml", new PolicyDefaults(), new TemplateSource(null));
        Assert.True(outcome.Succeeded);
        var tree = _temp["tree"];
        Assert.Empty(OutputWriter.Write(tree, outcome.Files));

        var report = LiveVerifier.Verify(outcome.Plan!, tree, new StringWriter());

        Assert.True(report.Run.Problems.Count == 0, string.Join("\n", report.Run.Problems));
        Assert.True(report.Results.Count >= 100, $"only {report.Results.Count} scenarios");
        var disagreements = report.Results.Where(r => !r.Agree)
            .SelectMany(r => r.Outcomes.Where(o => !o.Agree).Select(o =>
                $"{r.Planned.Scenario.Name} {o.Target}: predicted {o.Predicted} | observed {o.Observed}"))
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(20)));
        Assert.All(report.Run.Resolvers, r => Assert.Equal("127.0.0.1", r));
        Assert.NotEmpty(report.Run.Resolvers);
        Assert.Contains(report.Run.DnsQueries, q => q.Contains(".zen.spamhaus.org", StringComparison.Ordinal));
        Assert.Contains(report.Run.DnsQueries, q => q.Contains("_dmarc.inbound.efax.com", StringComparison.Ordinal));
        Assert.All(report.Run.DnsQueries, q => Assert.EndsWith("from 127.0.0.1", q, StringComparison.Ordinal));
        Assert.Contains(report.Results, r => r.Planned.Scenario.ClientIp.Contains(':', StringComparison.Ordinal)
            && r.Outcomes.Any(o => o.Target == "smtpd" && o.Observed != "not observed"));
        output.WriteLine($"{report.Results.Count} scenarios, {report.Run.DnsQueries.Count} DNS questions");
    }

    [Theory]
    [InlineData("m365-partner.yaml")]
    [InlineData("spf-partner.yaml")]
    public void OtherPolicies_AllScenarios_AgreeWithExplain(string policy)
    {
        var result = CliRunner.Run("verify", "--live", Path.Combine(RepoPaths.Rules, policy), "--format", "json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        output.WriteLine($"{policy}: {root.GetProperty("scenarios").GetInt32()} scenarios");
        Assert.True(root.GetProperty("scenarios").GetInt32() >= 50, result.Stderr);
        Assert.Equal(root.GetProperty("scenarios").GetInt32(), root.GetProperty("agreed").GetInt32());
        Assert.Equal(0, root.GetProperty("disagreed").GetInt32());
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void BrokenTemplate_TrustAfterTheBlocklist_IsCaughtAsDisagreements()
    {
        // The proof assumes the plan's order; a template that prints the restriction list
        // backwards (blocklist reject before the trust check) must be caught by the daemons.
        var templates = _temp["templates/postfix"];
        Directory.CreateDirectory(templates);
        var original = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "RuleForge", "Templates", "postfix",
            "main.cf.sbn"));
        const string Order = "{{ for e in list.entries }}";
        Assert.Contains(Order, original, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(templates, "main.cf.sbn"),
            original.Replace(Order, "{{ for e in list.entries | array.reverse }}", StringComparison.Ordinal));

        var result = CliRunner.Run("verify", "--live", Path.Combine(RepoPaths.Rules, "efax.yaml"),
            "--templates", _temp["templates"], "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var head = result.Stdout[..Math.Min(2000, result.Stdout.Length)];
        Assert.True(doc.RootElement.GetProperty("disagreed").GetInt32() > 0, head);
        var trustedListed = doc.RootElement.GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("name").GetString() == "efax-spamhaus-zen-v4-trusted-listed");
        Assert.Equal("250 accepted", trustedListed.GetProperty("predicted").GetProperty("smtpd").GetString());
        Assert.Equal("554 at RCPT", trustedListed.GetProperty("observed").GetProperty("smtpd").GetString());
    }
}
