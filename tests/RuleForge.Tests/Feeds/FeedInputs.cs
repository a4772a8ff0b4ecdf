using System.Text;
using RuleForge.Diagnostics;
using RuleForge.Pipeline;
using RuleForge.Resolution;
using RuleForge.Tests.Support;
using RuleForge.Validation;
using Xunit;

namespace RuleForge.Tests.Feeds;

/// <summary>The small feed files under Feeds/Inputs, one per shape, and policies that select from them.</summary>
internal static class FeedInputs
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "RuleForge.Tests", "Feeds", "Inputs");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static FeedData Read(string name, string shape = "auto") => FeedReader.Read(shape, Bytes(name));

    public static FeedData ReadText(string content, string shape = "auto") =>
        FeedReader.Read(shape, Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Validates and resolves a policy with the given 'feeds' and one sender's 'select' (YAML
    /// fragments indented as under those keys); feed files are named by absolute path.
    /// </summary>
    public static ResolutionResult Resolve(string feeds, string select)
    {
        var validation = Validate(feeds, select);
        Assert.True(validation.Policy is not null, string.Join("\n", validation.Diagnostics));
        return PolicyResolver.Resolve(validation.Policy);
    }

    /// <summary>Validates the policy <see cref="Resolve"/> would resolve.</summary>
    public static ValidationResult Validate(string feeds, string select)
    {
        using var temp = new TempFolder();
        var policy = temp.Write("policy.yaml", $$"""
            policy: feed-test
            targets:
              rspamd: { version: "3.4", actions: { reject: 15 } }
            feeds:
              {{Indent(feeds.Replace("INPUTS", Folder, StringComparison.Ordinal), 2)}}
            senders:
              - id: s
                domains: [example.com]
                ranges:
                  acknowledge: [documentation]
                  select:
                    {{Indent(select, 8)}}
            blocklists:
              - { id: zen, zone: zen.spamhaus.org, listing_codes: [127.0.0.2], act: { rspamd: { score: 1 } } }
            """);
        return BuildPipeline.Validate(policy, "policy.yaml", new PolicyDefaults());
    }

    public static List<string> Errors(ResolutionResult result) =>
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();

    // Indents every line but the first, which the template already indents.
    private static string Indent(string text, int spaces) =>
        text.Trim('\n').ReplaceLineEndings("\n")
            .Replace("\n", "\n" + new string(' ', spaces), StringComparison.Ordinal);
}
