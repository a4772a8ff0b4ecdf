using RuleForge.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Memory is bounded (issue 9): the real CLI process runs on huge inputs generated here, and its
/// peak resident memory, read by GNU time, must stay under a stated bound, with the exit code
/// and diagnostic a bad input deserves. A filter host has little memory; a feed of millions of
/// rows must cost what the policy keeps of it. The bounds come from the measurements in
/// docs/benchmarks.md, with headroom for other machines and garbage collector timing.
/// </summary>
public sealed class MemoryBoundTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_OfATwoMillionRowJsonFeed_CostsWhatTheFilterKeeps_EvenWithABadLastRow()
    {
        var folder = Folder("json");
        var policy = HugeInputs.JsonFeedPolicy(folder);
        var feedMiB = MiB(Path.Combine(folder, "feed.json"));

        var (built, peak) = PeakMemory.Run(folder, "build", policy, "--out", Path.Combine(folder, "out"), "--quiet");

        Report("2M-row JSON feed, 1000 rows kept, build", feedMiB, peak);
        Assert.True(built.ExitCode == 0, built.ToString());
        var proof = File.ReadAllText(Path.Combine(folder, "out", "proof.json"));
        Assert.Contains($"{HugeInputs.FeedRows}", proof, StringComparison.Ordinal);
        Assert.True(peak < 450, $"peak {peak:0} MiB, bound 450 MiB (feed {feedMiB:0} MiB)");

        HugeInputs.BreakLastJsonRow(folder);
        var (failed, failedPeak) = PeakMemory.Run(folder, "build", policy, "--out", Path.Combine(folder, "out2"));

        Report("the same feed with a last row that is a number, build", feedMiB, failedPeak);
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("error RF1302: feed 'big' could not be read as generic: row 2000001 is a number",
            failed.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out2")));
        Assert.True(failedPeak < 450, $"peak {failedPeak:0} MiB, bound 450 MiB");
    }

    [Fact]
    public void Build_OfATwoMillionRowTextFeedKeptWhole_StaysBounded_AndIsRefusedAsBroad()
    {
        var folder = Folder("text");
        var policy = HugeInputs.TextFeedPolicy(folder);

        var (run, peak) = PeakMemory.Run(folder, "build", policy, "--out", Path.Combine(folder, "out"));

        Report("2M-row text feed, every row kept, build", MiB(Path.Combine(folder, "feed.txt")), peak);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error RF1230: the ranges that feed big (every row) adds to sender 'partner' cover 2097152",
            run.Stderr, StringComparison.Ordinal);
        Assert.True(peak < 800, $"peak {peak:0} MiB, bound 800 MiB");
    }

    [Fact]
    public void Build_OfAPolicyAtTheSenderLimit_Succeeds_AndOneFarOverIt_IsRefusedBeforeBinding()
    {
        var folder = Folder("senders-at-limit");
        var policy = HugeInputs.Senders(folder, RuleForge.Pipeline.PolicyDefaults.DefaultMaxSenders);

        var (built, peak) = PeakMemory.Run(folder, "build", policy, "--out", Path.Combine(folder, "out"), "--quiet");

        Report($"{RuleForge.Pipeline.PolicyDefaults.DefaultMaxSenders} senders, build", MiB(policy), peak);
        Assert.True(built.ExitCode == 0, built.ToString());
        var tables = Directory.GetFiles(Path.Combine(folder, "out", "postfix", "ruleforge"), "*.cidr");
        Assert.Equal(RuleForge.Pipeline.PolicyDefaults.DefaultMaxSenders, tables.Length);
        Assert.True(peak < 600, $"peak {peak:0} MiB, bound 600 MiB");

        var over = Folder("senders-over-limit");
        var huge = HugeInputs.ManySenders(over);
        var (refused, refusedPeak) = PeakMemory.Run(over, "build", huge, "--out", Path.Combine(over, "out"));

        Report("many-senders policy, build", MiB(huge), refusedPeak);
        Assert.True(refused.ExitCode == 1, refused.ToString()[..Math.Min(3000, refused.ToString().Length)]);
        Assert.Matches(@"p\.yaml:\d+:3: error RF1235: the policy lists \d{5} senders, more than the 5000 the " +
            "Policy:MaxSenders setting allows", refused.Stderr);
        Assert.False(Directory.Exists(Path.Combine(over, "out")));
        Assert.True(refusedPeak < 350, $"peak {refusedPeak:0} MiB, bound 350 MiB");
    }

    [Theory]
    [InlineData("many-senders", 1, "RF1235")]
    [InlineData("huge-ranges-list", 1, "RF1230")]
    [InlineData("deep-and-wide", 1, "RF1201")]
    public void Validate_OfAPolicyNearTheFourMiBLimit_StaysBounded(string name, int exit, string? code)
    {
        var folder = Folder(name);
        var policy = name switch
        {
            "many-senders" => HugeInputs.ManySenders(folder),
            "huge-ranges-list" => HugeInputs.HugeRangesList(folder),
            _ => HugeInputs.DeepAndWide(folder),
        };

        var (run, peak) = PeakMemory.Run(folder, "validate", policy, "--quiet");

        Report($"{name} policy, validate", MiB(policy), peak);
        var shown = run.ToString();
        Assert.True(run.ExitCode == exit, shown[..Math.Min(3000, shown.Length)]);
        if (code is not null)
        {
            Assert.Contains($"error {code}: ", run.Stderr, StringComparison.Ordinal);
        }

        Assert.True(peak < 350, $"peak {peak:0} MiB, bound 350 MiB");
    }

    private string Folder(string name)
    {
        var folder = _temp[name];
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static double MiB(string path) => new FileInfo(path).Length / (1024.0 * 1024);

    private void Report(string what, double inputMiB, double peakMiB) =>
        output.WriteLine($"memory: {what}: input {inputMiB:0.0} MiB, peak RSS {peakMiB:0} MiB");
}
