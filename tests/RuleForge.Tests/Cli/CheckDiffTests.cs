using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Cli;

public sealed class CheckDiffTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (string Policy, string Out) Built()
    {
        var policy = _temp.Write("p.yaml", PolicyText.Valid);
        var output = _temp["out"];
        var built = CliRunner.Run("build", policy, "--out", output, "--quiet");
        Assert.True(built.ExitCode == 0, built.ToString());
        return (policy, output);
    }

    [Fact]
    public void Check_ExitsZero_OnACleanTree_AndWritesNothing()
    {
        var (policy, output) = Built();
        var before = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();

        var result = CliRunner.Run("check", policy, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before, Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
    }

    [Fact]
    public void Check_ExitsOne_AndListsTheFiles_OnAStaleTree()
    {
        var (policy, output) = Built();
        File.AppendAllText(Path.Combine(output, "postfix", "main.cf.fragment"), "# edited by hand\n");
        File.Delete(Path.Combine(output, "proof.md"));

        var result = CliRunner.Run("check", policy, "--out", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("changed: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("postfix/main.cf.fragment", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("missing: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("proof.md", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "proof.md")));
    }

    [Fact]
    public void Check_ExitsOne_OnATreeWithAnExtraFile()
    {
        var (policy, output) = Built();
        File.WriteAllText(Path.Combine(output, "rspamd", "stray.conf"), "x = 1;\n");

        var result = CliRunner.Run("check", policy, "--out", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("extra: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("rspamd/stray.conf", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExitsTwo_WithoutOut()
    {
        var result = CliRunner.Run("check", _temp.Write("p.yaml", PolicyText.Valid));

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Diff_PrintsAUnifiedDiff_FromTheFolderToAFreshBuild()
    {
        var (policy, output) = Built();
        File.AppendAllText(Path.Combine(output, "postfix", "main.cf.fragment"), "# edited by hand\n");

        var result = CliRunner.Run("diff", policy, "--out", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--- a/postfix/main.cf.fragment", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+++ b/postfix/main.cf.fragment", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-# edited by hand", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_AsJson_ListsChangesForABot()
    {
        var (policy, output) = Built();
        File.WriteAllText(Path.Combine(output, "extra.txt"), "stray\n");

        var result = CliRunner.Run("diff", policy, "--out", output, "--format", "json");

        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.False(doc.RootElement.GetProperty("upToDate").GetBoolean());
        var change = Assert.Single(doc.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal("extra.txt", change.GetProperty("path").GetString());
        Assert.Equal("extra", change.GetProperty("kind").GetString());
        Assert.Contains("-stray", change.GetProperty("diff").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WritesAManifest_WithTheHashOfEveryFileAndInput()
    {
        var (_, output) = Built();

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var files = doc.RootElement.GetProperty("files");
        foreach (var file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
            if (relative == "manifest.json")
            {
                continue;
            }

            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
            Assert.Equal("sha256:" + hash, files.GetProperty(relative).GetString());
        }

        Assert.True(doc.RootElement.GetProperty("inputs").EnumerateObject().Any());
    }
}
