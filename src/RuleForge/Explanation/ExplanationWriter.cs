using System.Globalization;
using System.Text.Json;

namespace RuleForge.Explanation;

/// <summary>Prints an explanation as text for people or as JSON for tools.</summary>
public static class ExplanationWriter
{
    /// <summary>One block per target and stage, then the fate.</summary>
    public static void WriteText(Explanation e, TextWriter w)
    {
        var f = e.Facts;
        var signer = f.DkimDomain is null ? "" : " d=" + f.DkimDomain;
        w.WriteLine($"message: client {f.ClientIp}, envelope <{f.EnvelopeFrom}>, From <{f.HeaderFrom}>, " +
            $"SPF {Word(f.Spf)}, DKIM {Word(f.Dkim)}{signer}, DMARC {Word(f.Dmarc)}");
        foreach (var d in new[] { e.Postscreen, e.Smtpd }.OfType<StageDecision>())
        {
            w.WriteLine($"{d.Target} {d.Stage}: {d.Decision.ToUpperInvariant()} - {d.Reason}");
        }

        foreach (var v in new[] { e.Rspamd, e.SpamAssassin }.OfType<ContentVerdict>())
        {
            var rules = v.Rules.Count == 0
                ? "no RuleForge rule"
                : string.Join(", ", v.Rules.Select(r => $"{r.Rule} {Num(r.Score)}"));
            w.WriteLine($"{v.Target} content: {v.Action.ToUpperInvariant()} - {rules}; {v.Reason}");
        }

        w.WriteLine($"fate: {e.Fate}");
    }

    /// <summary>The same as data.</summary>
    public static void WriteJson(Explanation e, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("message");
        w.WriteString("clientIp", e.Facts.ClientIp);
        w.WriteString("envelopeFrom", e.Facts.EnvelopeFrom);
        w.WriteString("headerFrom", e.Facts.HeaderFrom);
        w.WriteString("spf", Word(e.Facts.Spf));
        w.WriteString("dkim", Word(e.Facts.Dkim));
        w.WriteString("dkimDomain", e.Facts.DkimDomain);
        w.WriteString("dmarc", Word(e.Facts.Dmarc));
        w.WriteStartObject("listed");
        foreach (var (zone, answer) in e.Facts.Listings.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            w.WriteString(zone, Model.ListingCodeRange.Format(answer));
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("stages");
        foreach (var d in new[] { e.Postscreen, e.Smtpd }.OfType<StageDecision>())
        {
            w.WriteStartObject();
            w.WriteString("target", d.Target);
            w.WriteString("stage", d.Stage);
            w.WriteString("decision", d.Decision);
            w.WriteString("reason", d.Reason);
            w.WriteEndObject();
        }

        foreach (var v in new[] { e.Rspamd, e.SpamAssassin }.OfType<ContentVerdict>())
        {
            w.WriteStartObject();
            w.WriteString("target", v.Target);
            w.WriteString("stage", "content");
            w.WriteString("decision", v.Action);
            w.WriteNumber("score", v.Score);
            w.WriteStartArray("rules");
            foreach (var (rule, score) in v.Rules)
            {
                w.WriteStartObject();
                w.WriteString("rule", rule);
                w.WriteNumber("score", score);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("reason", v.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("fate", e.Fate);
        w.WriteEndObject();
    }

    private static string Word(AuthResult r) => r.ToString().ToLowerInvariant();

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
