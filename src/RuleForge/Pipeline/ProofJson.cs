using System.Text;
using System.Text.Json;
using RuleForge.Planning;
using RuleForge.Proof;
using RuleForge.Resolution;

namespace RuleForge.Pipeline;

/// <summary>Writes the proof as JSON for tools, with stable key order and LF line ends.</summary>
public static class ProofJson
{
    /// <summary>The proof document.</summary>
    public static string Write(BuildPlan plan, ProofResult proof, IReadOnlyList<SelectionReport> selections)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("policy", plan.Policy.Name);
            w.WriteString("source", plan.Policy.SourceFile);
            w.WriteBoolean("holds", proof.Holds);
            w.WriteNumber("margin", plan.Policy.Margin);
            w.WriteStartArray("obligations");
            foreach (var o in proof.Obligations)
            {
                w.WriteStartObject();
                w.WriteString("sender", o.SenderId);
                w.WriteString("blocklist", o.BlocklistId);
                w.WriteString("target", o.Target);
                w.WriteString("stage", o.Stage);
                w.WriteString("status", o.Status.ToString().ToLowerInvariant());
                w.WriteString("reason", o.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteScorings(w, plan);
            WriteSelections(w, selections);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteScorings(Utf8JsonWriter w, BuildPlan plan)
    {
        w.WriteStartObject("content");
        foreach (var scoring in plan.ContentScorings)
        {
            w.WriteStartObject(scoring.Target);
            w.WriteNumber("worstCase", scoring.Blocklists.Sum(b => b.Score) + plan.Policy.Margin);
            w.WriteStartObject("thresholds");
            foreach (var (action, threshold) in scoring.Thresholds)
            {
                w.WriteNumber(action, threshold);
            }

            w.WriteEndObject();
            w.WriteStartArray("trusts");
            foreach (var t in scoring.Trusts)
            {
                w.WriteStartObject();
                w.WriteString("sender", t.SenderId);
                w.WriteString("rule", t.RuleName);
                w.WriteString("evidence", t.Mechanism.ToString());
                w.WriteNumber("score", t.Score);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteSelections(Utf8JsonWriter w, IReadOnlyList<SelectionReport> selections)
    {
        w.WriteStartArray("feedSelections");
        foreach (var s in selections)
        {
            w.WriteStartObject();
            w.WriteString("sender", s.SenderId);
            w.WriteString("feed", s.FeedId);
            w.WriteNumber("rowsRead", s.RowsRead);
            w.WriteStartArray("filters");
            foreach (var (condition, left) in s.RowsKeptByCondition)
            {
                w.WriteStartObject();
                w.WriteString("condition", condition);
                w.WriteNumber("rowsKept", left);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("cidrsBefore", s.CidrsBefore);
            w.WriteNumber("cidrsAfter", s.CidrsAfter);
            w.WriteString("addressesIpv4", s.AddressesIpv4);
            w.WriteString("addressesIpv6", s.AddressesIpv6);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
