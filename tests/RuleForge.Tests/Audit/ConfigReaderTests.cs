using RuleForge.Audit.Postfix;
using RuleForge.Audit.Rspamd;
using RuleForge.Diagnostics;
using Xunit;

namespace RuleForge.Tests.Audit;

public class ConfigReaderTests
{
    [Fact]
    public void Ucl_ReadsNestedKeys_Heredocs_Comments_AndKeyValueWithoutEquals()
    {
        var root = UclParser.Parse("""
            /* block
               comment */
            group "fax" {
              symbols { "FAX_OK" { weight = -3.5; } } // trailing
            }
            rule name {
              enabled false
              text = <<EOD
            two { lines
            EOD;
              list = ["a", 'b', c]
            }
            """, "x.conf");

        var group = (UclObject)((UclObject)root["group"]!)["fax"]!;
        var symbol = (UclObject)((UclObject)group["symbols"]!)["FAX_OK"]!;
        Assert.Equal(-3.5, ((UclScalar)symbol["weight"]!).Number);
        var rule = (UclObject)((UclObject)root["rule"]!)["name"]!;
        Assert.Equal("false", rule.Text("enabled"));
        Assert.Equal("two { lines", rule.Text("text"));
        Assert.Equal(["a", "b", "c"], rule.Scalars("list").Select(s => s.Text));
        Assert.Equal(new SourceLocation("x.conf", 6, 1), root.Entries[1].Location);
    }

    [Fact]
    public void Ucl_ReportsAnUnclosedObject_WithItsPosition()
    {
        var error = Assert.Throws<UclParseException>(() => UclParser.Parse("a {\n  b = 1;\n", "y.conf"));

        Assert.Equal("y.conf", error.Location.File);
        Assert.Contains("'}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postfix_ExpandsConditionalsAndOverridesWithBraces()
    {
        var bag = new DiagnosticBag();
        var main = MainCf.Parse("""
            a = yes
            b =
            list = ${a?{reject_rbl_client x.example}} ${b:permit}
              $$literal
            """, "main.cf", bag);
        var services = MasterCf.Parse("""
            submission inet n - y - - smtpd
              -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }
            """, "master.cf", bag);

        var value = new PostfixSettings(main, null, bag).Get("list").Text;
        var overridden = new PostfixSettings(main, services[0], bag).Get("smtpd_client_restrictions").Text;

        Assert.Equal("reject_rbl_client x.example permit $literal", value);
        Assert.Equal("permit_sasl_authenticated, reject", overridden);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void DnsblFilter_MatchesBracketsInAnyOctet()
    {
        Assert.True(DnsblFilter.Matches("127.0.[0..1].[2..11;20]", 0x7F000114));
        Assert.False(DnsblFilter.Matches("127.0.[0..1].[2..11;20]", 0x7F000115));
        Assert.True(DnsblFilter.Matches("127.[0..255].[0..255].[2..254]", 0x7FFFFFFE));
        Assert.False(DnsblFilter.Matches("127.0.0", 0x7F000000));
    }
}
