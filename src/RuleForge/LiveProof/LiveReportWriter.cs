using System.Text.Json;

namespace RuleForge.LiveProof;

/// <summary>Prints a live report as a table for people or as JSON for tools.</summary>
public static class LiveReportWriter
{
    /// <summary>One row per scenario and target, then the summary line.</summary>
    public static void WriteTable(LiveReport report, TextWriter w, bool disagreementsOnly)
    {
        var width = Math.Max(8, report.Results.Select(r => r.Planned.Scenario.Name.Length).DefaultIfEmpty(8).Max());
        w.WriteLine($"{"scenario".PadRight(width)}  {"target",-16}  {"agree",-5}  predicted | observed");
        foreach (var result in report.Results.Where(r => !disagreementsOnly || !r.Agree))
        {
            foreach (var o in result.Outcomes)
            {
                var name = result.Planned.Scenario.Name.PadRight(width);
                w.WriteLine($"{name}  {o.Target,-16}  {(o.Agree ? "yes" : "NO"),-5}  {o.Predicted} | {o.Observed}");
            }
        }

        w.WriteLine($"{report.Results.Count} scenarios: {report.Agreed} agreed, {report.Disagreed} disagreed");
    }

    /// <summary>scenarios, agreed, disagreed, results (inputs, predicted and observed per target).</summary>
    public static void WriteJson(LiveReport report, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("scenarios", report.Results.Count);
        w.WriteNumber("agreed", report.Agreed);
        w.WriteNumber("disagreed", report.Disagreed);
        w.WriteStartArray("results");
        foreach (var r in report.Results)
        {
            var s = r.Planned.Scenario;
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("description", r.Planned.Description);
            w.WriteBoolean("agree", r.Agree);
            w.WriteStartObject("inputs");
            w.WriteString("clientIp", s.ClientIp);
            w.WriteString("envelopeFrom", s.EnvelopeFrom);
            w.WriteString("headerFrom", s.HeaderFrom);
            w.WriteString("dkimDomain", s.DkimDomain);
            w.WriteString("spf", r.Planned.Facts.Spf.ToString().ToLowerInvariant());
            w.WriteString("dmarc", r.Planned.Facts.Dmarc.ToString().ToLowerInvariant());
            w.WriteStartObject("listed");
            foreach (var l in s.Listings)
            {
                w.WriteString(l.Zone, l.Answer);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            var sides = new (string, Func<TargetOutcome, string>)[]
            {
                ("predicted", o => o.Predicted), ("observed", o => o.Observed),
            };
            foreach (var (key, pick) in sides)
            {
                w.WriteStartObject(key);
                foreach (var o in r.Outcomes)
                {
                    w.WriteString(o.Target, pick(o));
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("problems");
        foreach (var p in report.Run.Problems)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
