using System.Text.RegularExpressions;
using RuleForge.Planning;
using Xunit;

namespace RuleForge.Tests.Planning;

public class DecimalRangeTests
{
    [Theory]
    [InlineData(2, 11, "[2-9]|1[0-1]")]
    [InlineData(2, 99, "[2-9]|[1-9][0-9]")]
    [InlineData(2, 2, "2")]
    [InlineData(0, 255, "[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5]")]
    public void Patterns_AreShort_ForCommonListingRanges(int first, int last, string expected) =>
        Assert.Equal(expected, string.Join('|', DecimalRange.Patterns(first, last)));

    [Fact]
    public void Patterns_MatchExactlyTheRange_ForEveryPairOfOctets()
    {
        var random = new Random(7203);
        var pairs = Enumerable.Range(0, 1500)
            .Select(_ => random.Next(256))
            .Select(a => (a, a + random.Next(256 - a)))
            .Concat(new[] { 0, 1, 9, 10, 99, 100, 199, 200, 249, 250, 255 }
                .SelectMany(a => Enumerable.Range(a, 256 - a).Select(b => (a, b))));
        foreach (var (first, last) in pairs)
        {
            var regex = new Regex($"^(?:{string.Join('|', DecimalRange.Patterns(first, last))})$");
            for (var n = 0; n < 256; n++)
            {
                var expected = n >= first && n <= last;
                Assert.True(expected == regex.IsMatch(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    $"range {first}-{last}, value {n}: expected {(expected ? "match" : "no match")}");
            }
        }
    }
}
