using RuleForge.Output;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Snapshots;

public class LineDiffTests
{
    [Fact]
    public void Unified_IsEmpty_ForEqualTexts() => Assert.Equal("", LineDiff.Unified("a\nb\n", "a\nb\n", "x", "y"));

    [Fact]
    public void Unified_ShowsAChangedLine_WithContext()
    {
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal);

        var diff = LineDiff.Unified(before, after, "approved/f", "received/f");

        Assert.Equal(
            "--- approved/f\n+++ received/f\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n"
            + " line 6\n line 7\n line 8\n",
            diff);
    }

    [Fact]
    public void Unified_SplitsDistantChangesIntoHunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"l{i}")) + "\n";
        var after = before.Replace("l2\n", "", StringComparison.Ordinal)
            .Replace("l28\n", "l28\nnew\n", StringComparison.Ordinal);

        var diff = LineDiff.Unified(before, after, "a", "b");

        Assert.Contains("@@ -1,5 +1,4 @@\n l1\n-l2\n l3\n", diff, StringComparison.Ordinal);
        Assert.EndsWith("@@ -26,5 +25,6 @@\n l26\n l27\n l28\n+new\n l29\n l30\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_HandlesEmptySides()
    {
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", LineDiff.Unified("", "x\ny\n", "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n", LineDiff.Unified("x\n", "", "a", "b"));
    }

    [Fact]
    public void Unified_NamesAMissingFinalNewline()
    {
        var diff = LineDiff.Unified("a\nb\n", "a\nb", "x", "y");

        Assert.Contains("final newline: present -> missing", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_IsAMinimalEditScript_ForShuffledLines()
    {
        var diff = LineDiff.Unified("a\nb\nc\nd\ne\n", "a\nc\nb\nd\ne\n", "x", "y");

        var changes = diff.Split('\n').Skip(2).Count(l => l.Length > 0 && l[0] is '+' or '-');
        Assert.Equal(2, changes);
    }
}
