using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RuleForge.Net;
using RuleForge.Resolution.Spf;

namespace RuleForge.Tests.Properties;

/// <summary>
/// The SPF record parser never throws, whatever a DNS answer holds, and a valid record printed
/// back from its parsed form parses to the same terms and modifiers.
/// </summary>
public class SpfParserProperties
{
    [Property(MaxTest = 1000)]
    public Property Parse_NeverThrows_OnArbitraryText(string? text)
    {
        var record = "v=spf1 " + (text ?? "");
        var parsed = SpfRecordParser.Parse(record);
        return (parsed.Text == record).ToProperty();
    }

    [Property(MaxTest = 1000)]
    public Property Parse_NeverThrows_OnRecordsOfNearMissTokens() =>
        Prop.ForAll(NearMissRecords().ToArbitrary(), record =>
        {
            _ = SpfRecordParser.IsSpfRecord(record);
            var parsed = SpfRecordParser.Parse(record);
            return parsed.Terms.All(t => record.Contains(t.Text, StringComparison.Ordinal));
        });

    [Property(MaxTest = 500)]
    public Property ValidRecords_ParseWithoutErrors_AndRoundTripThroughPrinting() =>
        Prop.ForAll(ValidRecords().ToArbitrary(), record =>
        {
            var first = SpfRecordParser.Parse(record);
            if (first.Errors.Count > 0)
            {
                return false.Label($"errors for a valid record '{record}': {string.Join("; ", first.Errors)}");
            }

            var printed = Print(first);
            var second = SpfRecordParser.Parse(printed);
            var same = second.Errors.Count == 0
                && second.Terms.Select(Shape).SequenceEqual(first.Terms.Select(Shape))
                && second.Modifiers.Select(m => (m.Name, m.Value))
                    .SequenceEqual(first.Modifiers.Select(m => (m.Name, m.Value)));
            return same.Label($"'{record}' printed as '{printed}'");
        });

    private static (SpfQualifier, SpfMechanism, string?, int, int, IpNetwork?) Shape(SpfTerm t) =>
        (t.Qualifier, t.Mechanism, t.DomainSpec?.ToLowerInvariant(), t.V4Prefix, t.V6Prefix, t.Network);

    // The printer lives in the test: it writes each parsed field back in RFC 7208 syntax.
    private static string Print(SpfRecord record)
    {
        var parts = new List<string> { "v=spf1" };
        foreach (var t in record.Terms)
        {
            var q = t.Qualifier switch
            {
                SpfQualifier.Fail => "-",
                SpfQualifier.SoftFail => "~",
                SpfQualifier.Neutral => "?",
                _ => "+",
            };
            var name = t.Mechanism.ToString().ToLowerInvariant();
            var text = t.Mechanism switch
            {
                SpfMechanism.Ip4 or SpfMechanism.Ip6 => $"{name}:{t.Network}",
                SpfMechanism.A or SpfMechanism.Mx => name + (t.DomainSpec is null ? "" : ":" + t.DomainSpec)
                    + (t.V4Prefix == 32 ? "" : "/" + t.V4Prefix.ToString(CultureInfo.InvariantCulture))
                    + (t.V6Prefix == 128 ? "" : "//" + t.V6Prefix.ToString(CultureInfo.InvariantCulture)),
                _ => name + (t.DomainSpec is null ? "" : ":" + t.DomainSpec),
            };
            parts.Add(q + text);
        }

        parts.AddRange(record.Modifiers.Select(m => $"{m.Name}={m.Value}"));
        return string.Join(' ', parts);
    }

    private static Gen<string> Domains() =>
        from labels in Gen.ListOf(Gen.Elements("mail", "spf", "_spf", "example", "a-b", "x1", "EXAMPLE", "%{d}"))
        let list = labels.Take(4).ToList()
        select list.Count == 0 ? "example.com" : string.Join('.', list) + ".test";

    private static Gen<string> Terms()
    {
        var qualifier = Gen.Elements("", "+", "-", "~", "?");
        var v4 = from a in Gen.Choose(0, 255)
                 from b in Gen.Choose(0, 255)
                 from p in Gen.Choose(0, 32)
                 select $"ip4:{a}.{b}.0.0/{p}";
        var v6 = from a in Gen.Choose(0, 0xffff)
                 from p in Gen.Choose(0, 128)
                 select $"ip6:2001:{a:x}::/{p}";
        var withDomain = from m in Gen.Elements("include", "exists", "ptr")
                         from d in Domains()
                         select $"{m}:{d}";
        var aOrMx = from m in Gen.Elements("a", "mx")
                    from d in Gen.OneOf(Gen.Constant(""), Domains().Select(x => ":" + x))
                    from p4 in Gen.OneOf(Gen.Constant(""), Gen.Choose(0, 32).Select(p => "/" + p))
                    from p6 in Gen.OneOf(Gen.Constant(""), Gen.Choose(0, 128).Select(p => "//" + p))
                    select m + d + p4 + p6;
        var mechanism = Gen.OneOf(v4, v6, withDomain, aOrMx, Gen.Constant("ptr"));
        return from q in qualifier
               from m in mechanism
               select q + m;
    }

    private static Gen<string> ValidRecords() =>
        from terms in Gen.ListOf(Terms())
        from all in Gen.Elements("", " -all", " ~all", " ?all", " +all")
        from redirect in Gen.OneOf(Gen.Constant(""), Domains().Select(d => " redirect=" + d))
        from exp in Gen.OneOf(Gen.Constant(""), Domains().Select(d => " exp=" + d))
        from unknown in Gen.Elements("", " x-custom=1", " foo=")
        select "v=spf1 " + string.Join(' ', terms) + all + redirect + exp + unknown;

    private static Gen<string> NearMissRecords()
    {
        var token = Gen.Elements(
            "ip4:", "ip4:1.2.3.4/33", "ip6:::/129", "ip4:0.0.0.0/0", "+all", "-all", "all:x", "include:", "include",
            "a/", "a//", "a:/24", "mx:x//200", "a/999999999999", "redirect=", "redirect=a", "exp=", "=", "==",
            "%{", "%{i}", "exists:%{i}.x", "ptr:", "v=spf1", "\t", "\u00e9", "\0", "+", "-", "~", "?", "ip6:1::1",
            "a:" + new string('x', 300), "1=2");
        return Gen.ListOf(token).Select(t => "v=spf1 " + string.Join(' ', t));
    }
}
