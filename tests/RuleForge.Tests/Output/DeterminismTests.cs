using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Output;

public class DeterminismTests
{
    [Fact]
    public void Build_WritesByteIdenticalTrees_WhenRunTwice()
    {
        using var temp = new TempFolder();

        PolicyBuilds.BuildRule("efax.yaml", temp["first"]);
        PolicyBuilds.BuildRule("efax.yaml", temp["second"]);

        var comparison = TreeComparer.Compare(temp["first"], temp["second"]);
        Assert.True(comparison.IsMatch, comparison.Report);
        Assert.NotEmpty(TreeComparer.Files(temp["first"]));
    }

    [Fact]
    public void Build_WritesNoMachinePathOrTimestamp()
    {
        using var temp = new TempFolder();
        PolicyBuilds.BuildRule("efax.yaml", temp["out"]);

        foreach (var file in TreeComparer.Files(temp["out"]))
        {
            var text = File.ReadAllText(Path.Combine(temp["out"], file));
            Assert.DoesNotContain(RepoPaths.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain(temp.Path, text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text);
        }
    }
}
