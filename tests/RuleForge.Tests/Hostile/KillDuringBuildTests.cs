using System.Diagnostics;
using System.Security.Cryptography;
using RuleForge.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// The real CLI process is killed with SIGKILL at random moments while it builds into a folder
/// that holds an earlier tree: the folder must always be exactly the old tree or exactly the new
/// one, and the hidden staging folders a kill leaves behind are removed by the next build.
/// </summary>
public sealed class KillDuringBuildTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 20;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_KilledAtRandomMoments_LeavesExactlyTheOldOrTheNewTree()
    {
        var oldPolicy = Policy("old", "Trust eFax notification mail (old wording).");
        var newPolicy = Policy("new", "Trust eFax notification mail (new wording).");
        var outDir = _temp["site/out"];
        var oldTree = BuildOnce(oldPolicy, _temp["reference-old"]);
        var newTree = BuildOnce(newPolicy, _temp["reference-new"]);
        Assert.NotEqual(Describe(oldTree), Describe(newTree));

        // How long a whole run of the process takes here sets the range of kill moments (a bit
        // past the end too).
        var clock = Stopwatch.StartNew();
        var timing = CliProcess.Run("dotnet", CliProcess.Dll, "build", newPolicy, "--out", _temp["timing"], "--quiet");
        var full = clock.Elapsed;
        Assert.True(timing.ExitCode == 0, timing.ToString());

        var seed = int.TryParse(Environment.GetEnvironmentVariable("RULEFORGE_KILL_SEED"), out var s)
            ? s
            : Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine(
            $"kill test: seed {seed} (RULEFORGE_KILL_SEED), a full run takes {full.TotalMilliseconds:0} ms");
        var (sawOld, sawNew) = (0, 0);
        for (var i = 0; i < Kills; i++)
        {
            Reset(outDir, oldPolicy);
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * full.TotalMilliseconds * 1.2);
            using (var process = CliProcess.Start("build", newPolicy, "--out", outDir, "--quiet"))
            {
                Thread.Sleep(delay);
                process.Kill(entireProcessTree: false);
                process.WaitForExit();
            }

            var now = Read(outDir);
            var isOld = Same(now, oldTree);
            var isNew = Same(now, newTree);
            Assert.True(isOld || isNew,
                $"seed {seed}, kill {i + 1} after {delay.TotalMilliseconds:0} ms: the folder is a mix:\n" +
                Describe(now));
            (sawOld, sawNew) = (sawOld + (isOld ? 1 : 0), sawNew + (isNew ? 1 : 0));

            var strays = Directory.EnumerateFileSystemEntries(_temp["site"])
                .Select(Path.GetFileName).Where(n => n != "out").ToList();
            Assert.All(strays, n => Assert.StartsWith(".out.ruleforge-", n!, StringComparison.Ordinal));
        }

        output.WriteLine($"kill test: {Kills} kills, old tree {sawOld} times, new tree {sawNew} times");

        // The next build removes whatever the kills left behind.
        var last = CliProcess.Run("dotnet", CliProcess.Dll, "build", newPolicy, "--out", outDir);
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.True(Same(Read(outDir), newTree));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_temp["site"]).Select(Path.GetFileName));
    }

    private static void Reset(string outDir, string oldPolicy)
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }

        var run = CliRunner.Run("build", oldPolicy, "--out", outDir, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private string Policy(string name, string description)
    {
        var folder = _temp[name];
        Directory.CreateDirectory(Path.Combine(folder, "feeds"));
        File.Copy(Path.Combine(RepoPaths.Rules, "feeds", "efax-egress.json"),
            Path.Combine(folder, "feeds", "efax-egress.json"));
        var text = File.ReadAllText(Path.Combine(RepoPaths.Rules, "efax.yaml")).Replace(
            "Trust eFax notification mail over DNS blocklists at every stage.", description, StringComparison.Ordinal);
        return _temp.Write(Path.Combine(name, "efax.yaml"), text);
    }

    private static Dictionary<string, byte[]> BuildOnce(string policy, string outDir)
    {
        var run = CliRunner.Run("build", policy, "--out", outDir, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        return Read(outDir);
    }

    private static Dictionary<string, byte[]> Read(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes, StringComparer.Ordinal)
            : [];

    private static bool Same(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Count == b.Count
        && a.All(kv => b.TryGetValue(kv.Key, out var other) && other.AsSpan().SequenceEqual(kv.Value));

    private static string Describe(Dictionary<string, byte[]> tree) =>
        string.Join("\n", tree.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} {Convert.ToHexString(SHA256.HashData(kv.Value))[..12]}"));
}
