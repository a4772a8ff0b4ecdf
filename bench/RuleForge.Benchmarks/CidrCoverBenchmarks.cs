using BenchmarkDotNet.Attributes;
using RuleForge.Net;

namespace RuleForge.Benchmarks;

/// <summary>
/// The CIDR engine: reading a list of networks, merging it and writing the minimal cover
/// (what <c>ranges merge</c> does, without process start-up), and the set operations the
/// build uses.
/// </summary>
[MemoryDiagnoser]
public class CidrCoverBenchmarks
{
    private byte[] _lines = [];
    private AddressSet _set = AddressSet.Empty;
    private AddressSet _other = AddressSet.Empty;

    /// <summary>Input lines.</summary>
    [Params(100_000, 1_000_000)]
    public int Lines { get; set; }

    /// <summary>Makes the input once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _lines = SyntheticInputs.Ipv4Lines(Lines, seed: 8);
        _set = Read(_lines);
        _other = Read(SyntheticInputs.Ipv4Lines(Lines, seed: 9));
    }

    /// <summary>Parse, merge and print the cover, as <c>ranges merge</c> does.</summary>
    [Benchmark(Baseline = true)]
    public void ParseMergeWrite() => RangeListWriter.Write(Read(_lines), Stream.Null, bareHosts: true);

    /// <summary>The cover alone, as networks.</summary>
    [Benchmark]
    public int Cover() => _set.ToNetworks().Count;

    /// <summary>Union of two large sets.</summary>
    [Benchmark]
    public bool Union() => _set.Union(_other).IsEmpty;

    /// <summary>Difference of two large sets.</summary>
    [Benchmark]
    public bool Except() => _set.Except(_other).IsEmpty;

    private static AddressSet Read(byte[] lines)
    {
        var builder = new AddressSetBuilder(lines.Length / 16);
        var reader = new RangeListReader(builder);
        reader.Read(new MemoryStream(lines, writable: false), "bench");
        return builder.ToSet();
    }
}
