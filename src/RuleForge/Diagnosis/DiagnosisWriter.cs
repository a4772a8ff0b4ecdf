using System.Globalization;
using System.Text.Json;
using RuleForge.Diagnostics;
using RuleForge.Explanation;

namespace RuleForge.Diagnosis;

/// <summary>Prints a diagnosis as text for people or as JSON for tools (the README gives the contract).</summary>
public static class DiagnosisWriter
{
    /// <summary>Totals, then blocks by blocklist and stage, trusted senders blocked, and error answers.</summary>
    public static void WriteText(DiagnosisReport r, TextWriter w)
    {
        Line(w, $"read {r.Lines} lines: {r.Events} recognised, {r.Skipped} skipped");
        Line(w, $"blocklist rejections and spam verdicts: {r.BlocklistRejections}");
        foreach (var g in r.Groups)
        {
            var id = g.BlocklistId is null ? "not in the policy" : g.BlocklistId;
            Line(w, $"  {g.Zone} ({id}) at {DiagnosisCollector.Stage(g.Stage)}: {g.Count} " +
                $"(first {g.FirstSeen} at {g.FirstLocation}, last {g.LastSeen})");
            foreach (var (fate, count) in g.PolicyFates)
            {
                Line(w, $"    with the policy: {fate} ({count})");
            }
        }

        Line(w, $"trusted senders blocked: {r.TrustedBlocked}");
        foreach (var t in r.Trusted)
        {
            var e = t.Event;
            Line(w, $"  {t.SenderId}: {e.Location} {DiagnosisCollector.Stage(e.Stage)} {e.Verdict}, client " +
                $"{e.ClientIp ?? "unknown"}, from <{e.EnvelopeFrom ?? "unknown"}>, by " +
                $"{string.Join(", ", e.Hits.Select(Hit))} ({t.MatchedBy})");
            Line(w, $"    with the policy: {t.Fate}");
        }

        if (r.TrustedOmitted > 0)
        {
            Line(w, $"  ... and {r.TrustedOmitted} more");
        }

        Line(w, $"blocklist error answers (not listings): {r.ErrorAnswers}");
        foreach (var e in r.Errors)
        {
            Line(w, $"  {e.Zone} {e.Kind}{(e.Answer is null ? "" : $" ({e.Answer})")} at " +
                $"{DiagnosisCollector.Stage(e.Stage)}: {e.Count}, {e.Blocked} with a rejection or spam verdict " +
                $"(first {e.FirstSeen} at {e.FirstLocation}, last {e.LastSeen})");
        }
    }

    /// <summary>
    /// One line of the text report. Zones, senders, verdicts and times come from the log: control
    /// characters in them (an escape sequence, a NUL) are printed as escapes such as \u001b, with
    /// the diagnostics' rules, so a crafted log line cannot drive the terminal showing the report.
    /// </summary>
    private static void Line(TextWriter w, string text) => w.WriteLine(MessageTemplate.Escaped(text));

    /// <summary>The same as one JSON object.</summary>
    public static void WriteJson(DiagnosisReport r, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("lines", r.Lines);
        w.WriteNumber("events", r.Events);
        w.WriteNumber("blocklistRejections", r.BlocklistRejections);
        w.WriteNumber("trustedBlocked", r.TrustedBlocked);
        w.WriteNumber("errorAnswers", r.ErrorAnswers);
        w.WriteNumber("skipped", r.Skipped);
        w.WriteStartArray("byBlocklist");
        foreach (var g in r.Groups)
        {
            WriteGroup(g, w);
        }

        w.WriteEndArray();
        w.WriteStartArray("trustedBlockedMessages");
        foreach (var t in r.Trusted)
        {
            w.WriteStartObject();
            w.WriteString("sender", t.SenderId);
            w.WriteString("matchedBy", t.MatchedBy);
            WriteEventFields(t.Event, w);
            w.WriteString("policyFate", t.Fate);
            if (t.Explanation is { } x)
            {
                w.WritePropertyName("explanation");
                ExplanationWriter.WriteJson(x, w);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("trustedBlockedOmitted", r.TrustedOmitted);
        w.WriteStartArray("errorAnswerGroups");
        foreach (var e in r.Errors)
        {
            w.WriteStartObject();
            w.WriteString("zone", e.Zone);
            w.WriteString("stage", DiagnosisCollector.Stage(e.Stage));
            w.WriteString("kind", e.Kind);
            w.WriteString("answer", e.Answer);
            w.WriteNumber("count", e.Count);
            w.WriteNumber("blocked", e.Blocked);
            w.WriteString("firstSeen", e.FirstSeen);
            w.WriteString("firstLocation", e.FirstLocation.ToString());
            w.WriteString("lastSeen", e.LastSeen);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var d in r.Warnings)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("location", d.Location.ToString());
            w.WriteString("message", d.Message);
            w.WriteString("hint", d.Hint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGroup(BlocklistGroup g, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("zone", g.Zone);
        w.WriteString("blocklist", g.BlocklistId);
        w.WriteString("stage", DiagnosisCollector.Stage(g.Stage));
        w.WriteNumber("count", g.Count);
        w.WriteString("firstSeen", g.FirstSeen);
        w.WriteString("firstLocation", g.FirstLocation.ToString());
        w.WriteString("lastSeen", g.LastSeen);
        w.WriteStartArray("policyFates");
        foreach (var (fate, count) in g.PolicyFates)
        {
            w.WriteStartObject();
            w.WriteString("fate", fate);
            w.WriteNumber("count", count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("examples");
        foreach (var e in g.Examples)
        {
            w.WriteStartObject();
            WriteEventFields(e, w);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEventFields(BlockEvent e, Utf8JsonWriter w)
    {
        w.WriteString("stage", DiagnosisCollector.Stage(e.Stage));
        w.WriteString("location", e.Location.ToString());
        w.WriteString("time", e.Time);
        w.WriteString("clientIp", e.ClientIp);
        w.WriteString("envelopeFrom", e.EnvelopeFrom);
        w.WriteString("recipient", e.Recipient);
        w.WriteString("messageId", e.MessageId);
        w.WriteString("verdict", e.Verdict);
        w.WriteStartArray("blocklists");
        foreach (var h in e.Hits)
        {
            w.WriteStartObject();
            w.WriteString("zone", h.Zone);
            w.WriteString("answer", h.Answer);
            w.WriteString("rule", h.Rule);
            if (h.Score is { } s)
            {
                w.WriteNumber("score", s);
            }

            w.WriteString("error", h.Error);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Hit(BlocklistHit h)
    {
        var parts = new List<string> { h.Zone };
        if (h.Rule is not null)
        {
            parts.Add(h.Score is { } s ? $"{h.Rule}({s.ToString("0.##", CultureInfo.InvariantCulture)})" : h.Rule);
        }

        if (h.Answer is not null)
        {
            parts.Add(h.Answer);
        }

        if (h.Error is not null)
        {
            parts.Add($"error answer: {h.Error}");
        }

        return string.Join(" ", parts);
    }
}
