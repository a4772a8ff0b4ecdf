using RuleForge.Model;
using RuleForge.Planning;
using Xunit;

namespace RuleForge.Tests.Planning;

public class ListingCodePatternsTests
{
    [Fact]
    public void Postfix_WritesARangeAsABracketedPattern() =>
        Assert.Equal(["127.0.0.[2..11]"], ListingCodePatterns.Postfix([Range("127.0.0.2", "127.0.0.11")]));

    [Fact]
    public void Postfix_WritesASingleCodeAsIs() =>
        Assert.Equal(["127.0.0.2"], ListingCodePatterns.Postfix([Range("127.0.0.2", "127.0.0.2")]));

    [Fact]
    public void Postfix_JoinsCodesOfOneSlash24_AndKeepsSlash24sApart()
    {
        var patterns = ListingCodePatterns.Postfix(
            [Range("127.0.1.4", "127.0.1.6"), Range("127.0.1.2", "127.0.1.2"), Range("127.0.0.2", "127.0.0.3")]);

        Assert.Equal(["127.0.0.[2..3]", "127.0.1.[2;4..6]"], patterns);
    }

    [Fact]
    public void Enumerate_ListsEveryCodeOnce_InOrder() =>
        Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4"],
            ListingCodePatterns.Enumerate([Range("127.0.0.3", "127.0.0.4"), Range("127.0.0.2", "127.0.0.3")]));

    [Fact]
    public void Patterns_EscapeTheDotsForEachTarget()
    {
        Assert.Equal(["127%.0%.0%.[2-9]", "127%.0%.0%.1[0-1]"],
            ListingCodePatterns.Patterns([Range("127.0.0.2", "127.0.0.11")], "%."));
        Assert.Equal([@"127\.0\.0\.2"], ListingCodePatterns.Patterns([Range("127.0.0.2", "127.0.0.2")], @"\."));
    }

    private static ListingCodeRange Range(string first, string last) => new(Code(first), Code(last));

    private static uint Code(string text) =>
        text.Split('.').Select(uint.Parse).Aggregate(0u, (acc, octet) => (acc << 8) | octet);
}
