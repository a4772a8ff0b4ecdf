using System.Reflection;
using System.Text.RegularExpressions;
using RuleForge.Diagnostics;
using Xunit;

namespace RuleForge.Tests.Diagnostics;

public partial class MessageCatalogTests
{
    public static TheoryData<string> Names() =>
        new(Templates().Select(t => t.Name));

    [Fact]
    public void Catalog_HasUniqueCodes_OfTheFormRFAndFourDigits()
    {
        var codes = Templates().Select(t => t.Template.Code).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Message_FormatsWithEveryPlaceholderFilled(string name)
    {
        var template = Templates().Single(t => t.Name == name).Template;
        var args = Enumerable.Range(0, 8).Select(i => (object)$"<arg{i}>").ToArray();

        var diagnostic = template.At(new SourceLocation("p.yaml", 3, 7), args);

        Assert.Equal(template.Code, diagnostic.Code);
        Assert.DoesNotMatch(@"\{\d+\}", diagnostic.Message);
        Assert.DoesNotMatch(@"\{\d+\}", diagnostic.Hint ?? "");
        Assert.StartsWith($"p.yaml:3:7: {template.Severity.ToString().ToLowerInvariant()} {template.Code}: ",
            diagnostic.Headline, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Hint), $"{template.Code} has no hint");
    }

    [Fact]
    public void Codes_FollowTheStageNumbering()
    {
        var stages = new[] { "RF10", "RF12", "RF13", "RF14", "RF15", "RF16", "RF17", "RF18", "RF19" };

        Assert.All(Templates(), t => Assert.Contains(t.Template.Code[..4], stages));
    }

    [Fact]
    public void Diagnostic_PrintsTheHintOnItsOwnLine_AndAWholeFileWithoutPosition()
    {
        var d = Messages.EmptyDocument.At(SourceLocation.OfFile("p.yaml"));

        Assert.Equal("p.yaml: error RF1008: the policy is empty\n  hint: Start from rules/efax.yaml.", d.ToString());
    }

    private static List<(string Name, MessageTemplate Template)> Templates() =>
        typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(MessageTemplate))
            .Select(f => (f.Name, (MessageTemplate)f.GetValue(null)!))
            .OrderBy(t => t.Item2.Code, StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"^RF\d{4}$")]
    private static partial Regex CodePattern();
}
