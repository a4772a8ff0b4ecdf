using RuleForge.Cli;
using RuleForge.Diagnostics;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Cli;

/// <summary>
/// At a terminal a diagnostic shows its source line with a caret under the problem; anywhere
/// else (CI logs, pipes, tests) the plain one-line format is unchanged, and JSON never changes.
/// </summary>
public sealed class CaretDiagnosticsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_AtATerminal_ShowsTheSourceLineWithACaretUnderTheValue()
    {
        var policy = PolicyText.With("mail.example.com", "mail..example.com");
        var path = _temp.Write("policy.yaml", policy);

        var result = CliRunner.RunAt(true, "validate", path);

        var line = PolicyText.LineOf(policy, "mail..example.com");
        var column = PolicyText.ColumnOf(policy, "mail..example.com");
        var source = policy.Split('\n')[line - 1];
        var lines = result.Stderr.Split('\n');
        var headline = Array.FindIndex(
            lines, l => l.Contains($":{line}:{column}: error RF1205", StringComparison.Ordinal));
        Assert.True(headline >= 0, result.ToString());
        Assert.Equal($"{line,5} | {source}", lines[headline + 1]);
        Assert.Equal($"      | {new string(' ', column - 1)}^{new string('~', "mail..example.com".Length - 1)}",
            lines[headline + 2]);
        Assert.StartsWith("  hint: ", lines[headline + 3], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotAtATerminal_PrintsThePlainFormat()
    {
        var path = _temp.Write("policy.yaml", PolicyText.With("mail.example.com", "mail..example.com"));

        var plain = CliRunner.RunAt(false, "validate", path);
        var defaulted = CliRunner.Run("validate", path);

        Assert.Equal(1, plain.ExitCode);
        Assert.DoesNotContain(" | ", plain.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("^", plain.Stderr, StringComparison.Ordinal);
        Assert.All(plain.Stderr.TrimEnd('\n').Split('\n'), l => Assert.True(
            l.StartsWith("  hint: ", StringComparison.Ordinal)
            || l.Contains(": error RF", StringComparison.Ordinal), l));
        Assert.Equal(plain.Stderr, defaulted.Stderr);
    }

    [Fact]
    public void Validate_WithFormatJson_IsTheSameAtATerminalAndElsewhere()
    {
        var path = _temp.Write("policy.yaml", PolicyText.With("mail.example.com", "mail..example.com"));

        var terminal = CliRunner.RunAt(true, "validate", path, "--format", "json");
        var plain = CliRunner.RunAt(false, "validate", path, "--format", "json");

        Assert.Equal(plain.Stdout, terminal.Stdout);
        Assert.Equal(plain.Stderr, terminal.Stderr);
        Assert.Contains("\"RF1205\"", terminal.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Excerpt_ExpandsTabs_SoTheCaretStaysUnderTheValue()
    {
        // Column 13 is the 'b' of "bad"; with tab stops every 4 columns it is shown at column 16.
        var excerpt = SourceExcerpt.For(new SourceLocation("p.yaml", 1, 13), ["key:\tx,\t\"a\"\tbad  # c"])!;

        Assert.Equal("    1 | key:    x,  \"a\" bad  # c", excerpt[0]);
        Assert.Equal("      | " + new string(' ', 16) + "^~~", excerpt[1]);
    }

    [Fact]
    public void Excerpt_CountsWideCharactersAsTwoColumns_AndMarksAQuotedValueWhole()
    {
        // Column 8 is the opening quote; 日 and 本 take two columns each, so it is shown at column 9,
        // and the quoted value is a quote, a wide 語, x and a quote: five columns.
        var excerpt = SourceExcerpt.For(new SourceLocation("p.yaml", 2, 8), ["a: b", "id: 日本 \"語x\""])!;

        Assert.Equal("    2 | id: 日本 \"語x\"", excerpt[0]);
        Assert.Equal("      | " + new string(' ', 9) + "^~~~~", excerpt[1]);
    }

    [Fact]
    public void Excerpt_ShowsControlCharactersAsQuestionMarks()
    {
        var excerpt = SourceExcerpt.For(new SourceLocation("p.yaml", 1, 5), ["a: \u001b[31mred"])!;

        Assert.Equal("    1 | a: ?[31mred", excerpt[0]);
        Assert.DoesNotContain('\u001b', excerpt[0]);
    }

    [Fact]
    public void Excerpt_CutsALongLineToAWindowAroundTheCaret()
    {
        var line = new string('a', 300) + " wrong " + new string('b', 300);

        var excerpt = SourceExcerpt.For(new SourceLocation("feed.json", 1, 302), [line])!;

        Assert.True(excerpt[0].Length < 120, excerpt[0]);
        var at = excerpt[1].IndexOf('^', StringComparison.Ordinal);
        Assert.Equal("wrong", excerpt[0].Substring(at, 5));
        Assert.Equal("^~~~~", excerpt[1][at..]);
    }

    [Fact]
    public void Excerpt_IsNone_ForAWholeFileOrALinePastTheEnd()
    {
        Assert.Null(SourceExcerpt.For(SourceLocation.OfFile("p.yaml"), ["a"]));
        Assert.Null(SourceExcerpt.For(new SourceLocation("p.yaml", 3, 1), ["a"]));
    }
}
