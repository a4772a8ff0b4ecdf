using RuleForge.Loading;
using Xunit;

namespace RuleForge.Tests.Loading;

public class YamlLoaderTests
{
    [Fact]
    public void LoadText_KeepsTheLineAndColumnOfEveryValue()
    {
        const string Text = "policy: p\nsenders:\n  - id: efax\n    domains: [a.example, \"b.example\"]\n";
        var result = YamlLoader.LoadText(Text, "t.yaml");

        var root = Assert.IsType<MappingSyntax>(result.Root);
        var senders = Assert.IsType<SequenceSyntax>(root.Find("senders")!.Value);
        var sender = Assert.IsType<MappingSyntax>(senders.Items[0]);
        var id = Assert.IsType<ScalarSyntax>(sender.Find("id")!.Value);
        var domains = Assert.IsType<SequenceSyntax>(sender.Find("domains")!.Value);
        var quoted = Assert.IsType<ScalarSyntax>(domains.Items[1]);
        Assert.Equal(("t.yaml", 3, 9), (id.Location.File, id.Location.Line, id.Location.Column));
        Assert.Equal((3, 5), (sender.Find("id")!.Key.Location.Line, sender.Find("id")!.Key.Location.Column));
        Assert.Equal((4, 26), (quoted.Location.Line, quoted.Location.Column));
        Assert.True(quoted.IsQuoted);
        Assert.False(id.IsQuoted);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void LoadText_ReportsDuplicateKey_WithTheFirstLine()
    {
        var result = YamlLoader.LoadText("a: 1\nb: 2\na: 3\n", "t.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("t.yaml:3:1: error RF1002: duplicate key 'a' (first defined at line 1)", d.Headline);
        Assert.Null(result.Root);
    }

    [Fact]
    public void LoadText_RefusesAnchorAndAlias()
    {
        var result = YamlLoader.LoadText("a: &x 1\nb: *x\n", "t.yaml");

        Assert.Equal(["t.yaml:1:4", "t.yaml:2:4"], result.Diagnostics.Select(d => d.Location.ToString()));
        Assert.All(result.Diagnostics, d => Assert.Equal("RF1003", d.Code));
    }

    [Theory]
    [InlineData("", "RF1008")]
    [InlineData("# only a comment\n", "RF1008")]
    [InlineData("~\n", "RF1008")]
    [InlineData("a: 1\n---\nb: 2\n", "RF1009")]
    [InlineData("a: \"open\n", "RF1001")]
    [InlineData("a: [1, 2\n", "RF1001")]
    [InlineData("a:\n\t- b\n", "RF1001")]
    public void LoadText_ReportsBadDocuments(string text, string code)
    {
        var result = YamlLoader.LoadText(text, "t.yaml");

        Assert.Null(result.Root);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void LoadText_RefusesNestingDeeperThanTheLimit()
    {
        var deep = "a: " + new string('[', YamlLoader.MaxDepth + 2) + new string(']', YamlLoader.MaxDepth + 2);
        var ok = "a: " + new string('[', 5) + new string(']', 5);

        Assert.Equal("RF1006", Assert.Single(YamlLoader.LoadText(deep, "t.yaml").Diagnostics).Code);
        Assert.NotNull(YamlLoader.LoadText(ok, "t.yaml").Root);
    }

    [Fact]
    public void LoadBytes_RefusesInvalidUtf8_AtItsOffset()
    {
        var result = YamlLoader.LoadBytes([(byte)'a', (byte)':', (byte)' ', 0xC3, 0x28], "t.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RF1005", d.Code);
        Assert.Contains("offset 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadBytes_SkipsAByteOrderMark()
    {
        var result = YamlLoader.LoadBytes([0xEF, 0xBB, 0xBF, .. "a: 1\n"u8.ToArray()], "t.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, Assert.IsType<MappingSyntax>(result.Root).Entries[0].Key.Location.Column);
    }

    [Fact]
    public void LoadBytes_RefusesFilesOverTheSizeLimit()
    {
        var result = YamlLoader.LoadBytes(new byte[YamlLoader.MaxBytes + 1], "t.yaml");

        Assert.Equal("RF1007", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void LoadFile_ReportsAMissingFile()
    {
        var result = YamlLoader.LoadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), "gone.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RF1004", d.Code);
        Assert.Equal("gone.yaml", d.Location.ToString());
    }

    [Fact]
    public void LoadText_ReportsAComplexKey()
    {
        var result = YamlLoader.LoadText("? [a, b]\n: 1\n", "t.yaml");

        Assert.Equal("RF1203", Assert.Single(result.Diagnostics).Code);
    }
}
