using BenchmarkDotNet.Attributes;
using RuleForge.Resolution;
using RuleForge.Resolution.Feeds;

namespace RuleForge.Benchmarks;

/// <summary>Reading an AWS-shaped feed into rows (JSON to rows with fields and CIDRs).</summary>
[MemoryDiagnoser]
public class FeedParsingBenchmarks
{
    private byte[] _feed = [];

    /// <summary>Rows in the feed: the real AWS feed has about 16,800.</summary>
    [Params(16_800, 200_000)]
    public int Rows { get; set; }

    /// <summary>Makes the feed once.</summary>
    [GlobalSetup]
    public void Setup() => _feed = SyntheticInputs.AwsFeed(Rows, seed: 16);

    /// <summary>Reads every row.</summary>
    [Benchmark]
    public int ReadAws() => FeedReader.Read(FeedShapes.Aws, _feed).Rows.Count;

    /// <summary>Recognises the shape, then reads.</summary>
    [Benchmark]
    public int ReadAuto() => FeedReader.Read(FeedShapes.Auto, _feed).Rows.Count;
}
