using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Snapshots;

/// <summary>
/// Every policy in rules/ builds to exactly the tree approved in snapshots/&lt;stem&gt;/. On a
/// difference the received tree is left in snapshots/&lt;stem&gt;.received/ for review and
/// scripts/accept-snapshots.
/// </summary>
public class PolicySnapshotTests
{
    public static TheoryData<string> Policies() => new(PolicyFiles());

    private static List<string> PolicyFiles() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(Policies))]
    public void Build_ProducesTheApprovedTree(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var approved = Path.Combine(RepoPaths.Snapshots, stem);
        var received = Path.Combine(RepoPaths.Snapshots, stem + ".received");
        using var temp = new TempFolder();
        var built = temp["out"];
        PolicyBuilds.BuildRule(fileName, built);

        var comparison = TreeComparer.Compare(approved, built);
        if (comparison.IsMatch)
        {
            if (Directory.Exists(received))
            {
                Directory.Delete(received, recursive: true);
            }

            return;
        }

        TreeComparer.CopyTree(built, received);
        Assert.Fail($"rules/{fileName} no longer builds to snapshots/{stem}/; the new tree is in "
            + $"snapshots/{stem}.received/ (review, then run scripts/accept-snapshots):\n{comparison.Report}");
    }

    [Fact]
    public void Snapshots_HoldATreeOnlyForPoliciesThatExist()
    {
        var stems = PolicyFiles().Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        Assert.NotEmpty(stems);
        var trees = Directory.EnumerateDirectories(RepoPaths.Snapshots)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != "failing" && !name.EndsWith(".received", StringComparison.Ordinal));
        Assert.Empty(trees.Except(stems, StringComparer.Ordinal));
    }
}
