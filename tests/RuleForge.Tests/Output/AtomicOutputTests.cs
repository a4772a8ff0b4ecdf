using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Output;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_LeavesThePreviousTreeUntouched_WhenTheNextBuildFails()
    {
        var good = _temp.Write("good.yaml", PolicyText.Valid);
        var bad = _temp.Write("bad.yaml", PolicyText.With("40.92.0.0/16,", "40.92.0.0/33,"));
        var outDir = _temp["out"];
        Assert.Equal(0, CliRunner.Run("build", good, "--out", outDir).ExitCode);
        TreeComparer.CopyTree(outDir, _temp["before"]);

        var result = CliRunner.Run("build", bad, "--out", outDir);

        Assert.True(result.ExitCode == 1, result.ToString());
        var comparison = TreeComparer.Compare(_temp["before"], outDir);
        Assert.True(comparison.IsMatch, comparison.Report);
        Assert.Equal(["bad.yaml", "before", "good.yaml", "out"],
            Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_ReplacesAnEarlierTreeWhole_WhenTheNextBuildSucceeds()
    {
        var outDir = _temp["out"];
        Assert.Equal(0, CliRunner.Run("build", _temp.Write("a.yaml", PolicyText.Valid), "--out", outDir).ExitCode);
        File.WriteAllText(Path.Combine(outDir, "stale.txt"), "left over");

        var result = CliRunner.Run("build", Path.Combine(RepoPaths.Rules, "efax.yaml"), "--out", outDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(Path.Combine(outDir, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "postfix/ruleforge/efax.clients.cidr")));
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".out.ruleforge-*"));
    }

    [Fact]
    public void Build_RefusesANonEmptyFolderWithoutProofJson_AndLeavesItUntouched()
    {
        var outDir = _temp["precious"];
        _temp.Write("precious/notes.txt", "mine");
        _temp.Write("precious/sub/data.bin", "more");
        TreeComparer.CopyTree(outDir, _temp["before"]);

        var result = CliRunner.Run("build", _temp.Write("p.yaml", PolicyText.Valid), "--out", outDir);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error RF1502", result.Stderr, StringComparison.Ordinal);
        var comparison = TreeComparer.Compare(_temp["before"], outDir);
        Assert.True(comparison.IsMatch, comparison.Report);
    }

    [Fact]
    public void Build_WritesIntoAnExistingEmptyFolder()
    {
        Directory.CreateDirectory(_temp["empty"]);

        var result = CliRunner.Run("build", _temp.Write("p.yaml", PolicyText.Valid), "--out", _temp["empty"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(_temp["empty"], "proof.json")));
    }

    [Fact]
    public void Build_CreatesMissingParentFolders_LikeMkdirP()
    {
        var result = CliRunner.Run("build", _temp.Write("p.yaml", PolicyText.Valid), "--out", _temp["no/such/out"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(_temp["no/such/out"], "proof.json")));
    }

    [Fact]
    public void Build_ReportsOutputError_WhenTheParentIsAFile()
    {
        var file = _temp.Write("plain-file", "not a folder");

        var policy = _temp.Write("p.yaml", PolicyText.Valid);
        var result = CliRunner.Run("build", policy, "--out", Path.Combine(file, "out"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error RF1502", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }
}
