using RuleForge.Validation;
using Xunit;

namespace RuleForge.Tests.Validation;

public class DomainNamesTests
{
    [Theory]
    [InlineData("Mail.Example.COM", "mail.example.com")]
    [InlineData("mail.example.com.", "mail.example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("例え.jp", "xn--r8jz45g.jp")]
    [InlineData("a-b.c0.example", "a-b.c0.example")]
    public void TryNormalise_GivesLowerCaseAscii(string text, string expected)
    {
        Assert.True(DomainNames.TryNormalise(text, allowUnderscore: false, out var ascii, out var error), error);
        Assert.Equal(expected, ascii);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("localhost", "two labels")]
    [InlineData("a..example.com", "empty label")]
    [InlineData("-a.example.com", "'-a'")]
    [InlineData("a-.example.com", "'a-'")]
    [InlineData("mail_relay.example.com", "'mail_relay'")]
    [InlineData("192.0.2.1", "all digits")]
    [InlineData("a b.example.com", "'a b'")]
    public void TryNormalise_RefusesBadNames_Saying(string text, string why)
    {
        Assert.False(DomainNames.TryNormalise(text, allowUnderscore: false, out _, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalise_RefusesLabelsLongerThan63()
    {
        Assert.False(DomainNames.TryNormalise(new string('a', 64) + ".example", false, out _, out _));
        Assert.True(DomainNames.TryNormalise(new string('a', 63) + ".example", false, out _, out _));
    }

    [Fact]
    public void TryNormalise_RefusesNamesLongerThan253()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".example";

        Assert.False(DomainNames.TryNormalise(name, false, out _, out var error));
        Assert.Contains("253", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalise_AcceptsUnderscores_OnlyForZones()
    {
        Assert.True(DomainNames.TryNormalise("_spf.example.com", allowUnderscore: true, out var zone, out _));
        Assert.Equal("_spf.example.com", zone);
        Assert.False(DomainNames.TryNormalise("_spf.example.com", allowUnderscore: false, out _, out _));
    }

    [Fact]
    public void TryNormalise_RefusesAnInvalidInternationalName() =>
        Assert.False(DomainNames.TryNormalise("a\u200B\u0000.example", false, out _, out _));
}
