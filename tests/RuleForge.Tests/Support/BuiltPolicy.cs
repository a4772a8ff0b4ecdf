using RuleForge.Pipeline;
using RuleForge.Planning;
using RuleForge.Rendering;
using Xunit;

namespace RuleForge.Tests.Support;

/// <summary>A policy built in memory: its plan and its files by relative path.</summary>
public sealed class BuiltPolicy
{
    private BuiltPolicy(BuildPlan plan, IReadOnlyDictionary<string, string> files)
    {
        Plan = plan;
        Files = files;
    }

    /// <summary>The plan the files were rendered from (with the resolved policy).</summary>
    public BuildPlan Plan { get; }

    /// <summary>Rendered files by relative path.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>A file's text; fails the test when the build did not produce it.</summary>
    public string this[string path] =>
        Files.TryGetValue(path, out var text)
            ? text
            : throw new Xunit.Sdk.XunitException($"no file {path}; built: {string.Join(", ", Files.Keys)}");

    /// <summary>Builds an example policy from rules/.</summary>
    public static BuiltPolicy FromRules(string fileName) =>
        From(Path.Combine(RepoPaths.Rules, fileName), "rules/" + fileName);

    /// <summary>Builds policy text written to a temp folder.</summary>
    public static BuiltPolicy FromText(string policy)
    {
        using var temp = new TempFolder();
        return From(temp.Write("policy.yaml", policy), "policy.yaml");
    }

    private static BuiltPolicy From(string path, string display)
    {
        var outcome = BuildPipeline.Build(path, display, new PolicyDefaults(), new TemplateSource(null));
        Assert.True(outcome.Succeeded, string.Join('\n', outcome.Diagnostics));
        var files = outcome.Files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        return new BuiltPolicy(outcome.Plan!, files);
    }
}
