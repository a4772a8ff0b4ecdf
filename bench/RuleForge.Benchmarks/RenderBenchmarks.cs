using BenchmarkDotNet.Attributes;
using RuleForge.Pipeline;
using RuleForge.Rendering;

namespace RuleForge.Benchmarks;

/// <summary>
/// A whole build of the example policy in memory (validate, resolve the feed, plan, prove,
/// render with Scriban, manifest), without writing files.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly string _policy = Path.Combine(AppContext.BaseDirectory, "rules", "efax.yaml");
    private readonly TemplateSource _templates = new(null);

    /// <summary>Builds rules/efax.yaml.</summary>
    [Benchmark]
    public int BuildEfax()
    {
        var outcome = BuildPipeline.Build(_policy, "rules/efax.yaml", new PolicyDefaults(), _templates);
        return outcome.Files.Count;
    }
}
