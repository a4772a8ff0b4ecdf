using RuleForge.Diagnostics;
using RuleForge.Pipeline;
using RuleForge.Rendering;
using RuleForge.Rendering.Html;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Report;

/// <summary>report.html: self-contained, escaped, and stating the proof's own numbers.</summary>
public sealed class HtmlReportTests : IDisposable
{
    private const string Hostile = "<script>alert('x')</script> & \\\"q\\\" <img src=x onerror=alert(1)>";

    // Note: written by hand, character by character, not copied from the program's output.
    private const string HostileEscaped =
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; &lt;img src=x onerror=alert(1)&gt;";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Policies() =>
        new(Directory.GetFiles(RepoPaths.Rules, "*.yaml")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Policies))]
    public void Report_IsSelfContained_AndListedInTheManifest(string fileName)
    {
        var built = BuiltPolicy.FromRules(fileName);
        var html = built["report.html"];

        foreach (var external in new[] { "http:", "https:", "<script", "src=", "href=", "url(", "@import", "//" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        var manifest = built[RuleForge.Output.Manifest.FileName];
        Assert.Contains("\"report.html\": \"sha256:", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_EscapesFreeTextFromThePolicy()
    {
        var policy = PolicyText.With("policy: test-policy", $"policy: test-policy\ndescription: \"{Hostile}\"")
            .Replace("  - id: partner\n", $"  - id: partner\n    description: \"{Hostile}\"\n",
                StringComparison.Ordinal);

        var html = BuiltPolicy.FromText(policy)["report.html"];

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, HostileEscaped));
    }

    [Fact]
    public void Report_EscapesValues_AlsoInATemplateFromTemplatesFolder()
    {
        var policy = _temp.Write("p.yaml",
            PolicyText.With("policy: test-policy", $"policy: test-policy\ndescription: \"{Hostile}\""));
        var templates = _temp["templates"];
        _temp.Write("templates/report/report.html.sbn", "<p>{{ model.plan.policy.description }}</p>\n");

        var outcome = BuildPipeline.Build(policy, "p.yaml", new PolicyDefaults(), new TemplateSource(templates));

        Assert.True(outcome.Succeeded, string.Join('\n', outcome.Diagnostics));
        var html = outcome.Files.Single(f => f.Path == "report.html").Content;
        Assert.Equal($"<p>{HostileEscaped}</p>\n", html);
    }

    [Fact]
    public void Escape_TurnsMarkupAndControlCharactersIntoText()
    {
        Assert.Equal("a&amp;b &lt;i&gt; &quot;c&quot; &#39;d&#39; e f", HtmlEscaping.Escape("a&b <i> \"c\" 'd' e\nf"));
        Assert.Equal("", HtmlEscaping.Escape(null));
    }

    [Fact]
    public void Report_ChartsTheNumbersTheProofCompares()
    {
        var built = BuiltPolicy.FromText(PolicyText.Valid);
        var policy = built.Plan.Policy;
        var rspamd = Section(built["report.html"], "target-rspamd");

        // Worked out from the policy, not from the plan: every blocklist's Rspamd score plus the margin.
        var worst = policy.Blocklists.Sum(b => b.Act.RspamdScore ?? 0) + policy.Margin;
        Assert.Contains($">worst case + margin</text>", rspamd, StringComparison.Ordinal);
        Assert.Contains($">{TextEscaping.Number(worst)}</text>", rspamd, StringComparison.Ordinal);
        foreach (var (action, threshold) in policy.Targets.Rspamd!.Actions)
        {
            Assert.Contains($">{action} {TextEscaping.Number(threshold)}</text>", rspamd, StringComparison.Ordinal);
        }

        foreach (var trust in built.Plan.Rspamd!.Scoring.Trusts)
        {
            Assert.Contains($">credit {trust.RuleName}</text>", rspamd, StringComparison.Ordinal);
            var result = TextEscaping.Number(worst + trust.Score);
            Assert.Contains($"= {result}</title>", rspamd, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_MarksTheTrustCheckBeforeTheBlocklistCheck_InTheRestrictionOrder()
    {
        var html = BuiltPolicy.FromText(PolicyText.Valid)["report.html"];
        var order = Section(html, "postfix-order\"");

        var trust = order.IndexOf("<li class=\"trust\"><code>check_client_access", StringComparison.Ordinal);
        var blocklist = order.IndexOf("<li class=\"blocklist\"><code>reject_rbl_client zen.spamhaus.org",
            StringComparison.Ordinal);
        Assert.True(trust >= 0 && blocklist > trust, order);
        Assert.Contains("trust: partner", order, StringComparison.Ordinal);
        Assert.Contains("blocklist: zen", order, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ListsEveryWarningOfTheBuild()
    {
        var path = Path.Combine(RepoPaths.Rules, "m365-partner.yaml");
        var outcome = BuildPipeline.Build(
            path, "rules/m365-partner.yaml", new PolicyDefaults(), new TemplateSource(null));
        var warnings = outcome.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        var html = outcome.Files.Single(f => f.Path == "report.html").Content;

        Assert.NotEmpty(warnings);
        Assert.Equal(warnings.Count, CountOf(html, "<li class=\"warning\">"));
        foreach (var w in warnings)
        {
            Assert.Contains(HtmlEscaping.Escape(w.Message), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_NamesTheKindOfEveryRangesProvenance()
    {
        var html = BuiltPolicy.FromRules("spf-partner.yaml")["report.html"];

        Assert.Contains("<span class=\"tag kind-spf\">spf</span></td><td>spf invoices.example.com (include:",
            html, StringComparison.Ordinal);
        Assert.Contains("kind-feed", BuiltPolicy.FromRules("efax.yaml")["report.html"], StringComparison.Ordinal);
        Assert.Contains("kind-inline", BuiltPolicy.FromRules("m365-partner.yaml")["report.html"],
            StringComparison.Ordinal);
    }

    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {marker} in the report");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
