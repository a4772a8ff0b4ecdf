using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// A full disk and a read-only output folder, made for real inside a private mount namespace
/// (<c>unshare --mount</c>: a small tmpfs, a read-only bind mount) that only the test's own
/// processes see: the build fails with RF1502, exit 1, and the old tree is intact.
/// Needs root, as CI has; without it the test fails loudly.
/// </summary>
public sealed class FilesystemFaultTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_OntoAFullDisk_FailsWithRF1502_AndLeavesTheOldTreeIntact()
    {
        CliProcess.RequireRoot();
        var (oldPolicy, newPolicy) = Policies();

        // Fill the tmpfs after the old tree is in place, so the new tree cannot be written.
        var run = InNamespace($"""
            mount -t tmpfs -o size=512k tmpfs "$SITE"
            dotnet "$CLI" build "$OLD" --out "$SITE/out" --quiet || exit 90
            sha256sum $(find "$SITE/out" -type f | sort) > "$WORK/before.txt"
            dd if=/dev/zero of="$SITE/filler" bs=4k 2>/dev/null || true
            dotnet "$CLI" build "$NEW" --out "$SITE/out"; echo "exit=$?" > "$WORK/exit.txt"
            sha256sum $(find "$SITE/out" -type f | sort) > "$WORK/after.txt"
            ls -a "$SITE" > "$WORK/entries.txt"
            """, oldPolicy, newPolicy);

        AssertFailedCleanly(run, "No space left on device");
    }

    [Fact]
    public void Build_IntoAReadOnlyFolder_FailsWithRF1502_AndLeavesTheOldTreeIntact()
    {
        CliProcess.RequireRoot();
        var (oldPolicy, newPolicy) = Policies();

        // The whole site folder is made read-only after the old tree is built.
        var run = InNamespace($"""
            mount -t tmpfs -o size=4m tmpfs "$SITE"
            dotnet "$CLI" build "$OLD" --out "$SITE/out" --quiet || exit 90
            sha256sum $(find "$SITE/out" -type f | sort) > "$WORK/before.txt"
            mount -o remount,ro "$SITE"
            dotnet "$CLI" build "$NEW" --out "$SITE/out"; echo "exit=$?" > "$WORK/exit.txt"
            sha256sum $(find "$SITE/out" -type f | sort) > "$WORK/after.txt"
            ls -a "$SITE" > "$WORK/entries.txt"
            """, oldPolicy, newPolicy);

        AssertFailedCleanly(run, "Read-only file system");
    }

    [Fact]
    public void Build_IntoAReadOnlyBindMountedOutputFolder_FailsWithRF1502_AndLeavesTheOldTreeIntact()
    {
        CliProcess.RequireRoot();
        var (oldPolicy, newPolicy) = Policies();

        // Only the output folder is read-only (its parent is writable): the swap must fail
        // without moving the old tree aside.
        var run = InNamespace($"""
            mount -t tmpfs -o size=4m tmpfs "$SITE"
            dotnet "$CLI" build "$OLD" --out "$SITE/out" --quiet || exit 90
            sha256sum $(find "$SITE/out" -type f | sort) > "$WORK/before.txt"
            mount --bind "$SITE/out" "$SITE/out" && mount -o remount,bind,ro "$SITE/out"
            dotnet "$CLI" build "$NEW" --out "$SITE/out"; echo "exit=$?" > "$WORK/exit.txt"
            sha256sum $(find "$SITE/out" -type f | sort) > "$WORK/after.txt"
            ls -a "$SITE" > "$WORK/entries.txt"
            """, oldPolicy, newPolicy);

        AssertFailedCleanly(run, null);
    }

    private void AssertFailedCleanly(CliResult run, string? reason)
    {
        Assert.True(File.Exists(_temp["exit.txt"]), $"the namespace script did not get to the build:\n{run}");
        Assert.Equal("exit=1", File.ReadAllText(_temp["exit.txt"]).Trim());
        Assert.Contains("error RF1502", run.Stderr, StringComparison.Ordinal);
        if (reason is not null)
        {
            Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
        }

        Assert.False(StackTraces.In(run.Stderr), run.Stderr);
        var before = File.ReadAllText(_temp["before.txt"]);
        Assert.NotEmpty(before);
        Assert.Equal(before, File.ReadAllText(_temp["after.txt"]));
        var entries = File.ReadAllLines(_temp["entries.txt"]).Where(e => e is not ("." or ".." or "filler"));
        Assert.Equal(["out"], entries);
    }

    private (string Old, string New) Policies()
    {
        Directory.CreateDirectory(_temp["feeds"]);
        File.Copy(Path.Combine(RepoPaths.Rules, "feeds", "efax-egress.json"), _temp["feeds/efax-egress.json"]);
        var text = File.ReadAllText(Path.Combine(RepoPaths.Rules, "efax.yaml"));
        var changed = text.Replace("id: spamcop", "id: spamcop-two", StringComparison.Ordinal);
        return (_temp.Write("old.yaml", text), _temp.Write("new.yaml", changed));
    }

    // Runs the script as root in a private mount namespace; mounts made there vanish with it.
    private CliResult InNamespace(string script, string oldPolicy, string newPolicy)
    {
        Directory.CreateDirectory(_temp["site"]);
        var file = _temp.Write("faults.sh", "set -u\n" + script + "\n");
        return CliProcess.Run("unshare", "--mount", "--propagation", "private", "env",
            $"CLI={CliProcess.Dll}", $"SITE={_temp["site"]}", $"WORK={_temp.Path}", $"OLD={oldPolicy}",
            $"NEW={newPolicy}", "bash", file);
    }
}
