using RuleForge.Validation;
using Xunit;

namespace RuleForge.Tests.Validation;

public class NameSuggesterTests
{
    private static readonly string[] Keys = ["postscreen", "smtpd", "rspamd", "spamassassin"];

    [Theory]
    [InlineData("spamassasin", "spamassassin")]
    [InlineData("rspamd", "rspamd")]
    [InlineData("RSPAMD", "rspamd")]
    [InlineData("smptd", "smtpd")]
    [InlineData("postscren", "postscreen")]
    public void Closest_FindsANearMiss(string input, string expected) =>
        Assert.Equal(expected, NameSuggester.Closest(input, Keys));

    [Theory]
    [InlineData("milter")]
    [InlineData("zzzzzzzzzzzzzzzzzz")]
    public void Closest_IsNull_WhenNothingIsClose(string input) =>
        Assert.Null(NameSuggester.Closest(input, Keys));

    [Fact]
    public void Closest_IsNull_ForNoCandidates() => Assert.Null(NameSuggester.Closest("a", []));

    [Fact]
    public void Hint_SaysDidYouMean_OrListsTheChoices()
    {
        Assert.Equal("Did you mean 'smtpd'?", NameSuggester.Hint("smtp", Keys));
        Assert.Equal("Expected one of: postscreen, smtpd, rspamd, spamassassin.", NameSuggester.Hint("milter", Keys));
    }
}
