using RuleForge.Output;
using RuleForge.Pipeline;
using RuleForge.Rendering;
using Xunit;

namespace RuleForge.Tests.Support;

/// <summary>Builds policies with the library, as the build command does.</summary>
public static class PolicyBuilds
{
    /// <summary>Builds a policy and writes its tree; fails the test on any error.</summary>
    public static void BuildInto(string policyPath, string displayPath, string outDir, TemplateSource templates)
    {
        var outcome = BuildPipeline.Build(policyPath, displayPath, new PolicyDefaults(), templates);
        Assert.True(outcome.Succeeded, string.Join('\n', outcome.Diagnostics));
        var written = OutputWriter.Write(outDir, outcome.Files);
        Assert.True(written.Count == 0, string.Join('\n', written));
    }

    /// <summary>Builds an example policy from rules/ with the built-in templates.</summary>
    public static void BuildRule(string fileName, string outDir, TemplateSource? templates = null) =>
        BuildInto(Path.Combine(RepoPaths.Rules, fileName), "rules/" + fileName, outDir,
            templates ?? new TemplateSource(null));

    /// <summary>Reads a file of a built tree by its relative path.</summary>
    public static string Read(string outDir, string relative) => File.ReadAllText(Path.Combine(outDir, relative));
}
