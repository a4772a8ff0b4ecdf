using System.Text.RegularExpressions;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Cli;

/// <summary>The README's settings table names every key Settings.cs reads, each with its variable.</summary>
public partial class SettingsTableTests
{
    [Fact]
    public void ReadmeSettingsTable_ListsEveryKeyTheSettingsRead_WithItsEnvironmentVariable()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "RuleForge.Cli", "Settings.cs"));
        var keys = KeyRead().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var rows = TableRow().Matches(readme).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.True(keys.Count >= 10, $"only {keys.Count} keys found in Settings.cs");
        Assert.Equal(keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys, key => Assert.Equal("RULEFORGE_" + key.Replace(":", "__", StringComparison.Ordinal)
            .ToUpperInvariant(), rows[key]));
    }

    [GeneratedRegex("""(?:Value|Number|Whole|GetSection)\("([A-Za-z]+(?::[A-Za-z]+)*)"\)""")]
    private static partial Regex KeyRead();

    // | `Key` | `RULEFORGE_KEY` ... | flag | default |
    [GeneratedRegex(@"^\| `([A-Za-z]+(?::[A-Za-z]+)*)` \| `(RULEFORGE_[A-Z_]+)`", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
