using System.Text.Json;
using RuleForge.Diagnostics;

namespace RuleForge.Resolution.Spf;

/// <summary>Writes a flattening result as an indented tree for people, or as JSON for tools.</summary>
public static class SpfResultWriter
{
    /// <summary>The summary, the record tree, the unflattenable terms and the ranges.</summary>
    public static void WriteText(SpfResult result, TextWriter writer)
    {
        writer.WriteLine(
            $"{result.Domain}: {result.Ranges.Count} ranges, {result.Lookups} of 10 lookups, " +
            $"{result.VoidLookups} of 2 void lookups, {result.Queries} DNS questions");
        if (result.Tree is { } tree)
        {
            writer.WriteLine();
            writer.WriteLine("tree:");
            WriteNode(tree, writer, "  ");
        }

        if (result.Unflattenable.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("unflattenable (not trusted by client IP):");
            foreach (var u in result.Unflattenable)
            {
                writer.WriteLine($"  {u.Term} in {u.Domain}: {u.Reason}");
            }
        }

        writer.WriteLine();
        writer.WriteLine(result.Succeeded ? "ranges:" : "ranges: none, the flattening failed");
        foreach (var range in result.Ranges)
        {
            writer.WriteLine($"  {range}");
        }
    }

    /// <summary>
    /// One object: <c>ranges</c>, <c>lookups</c>, <c>voidLookups</c>, <c>unflattenable</c> and
    /// <c>warnings</c>, then <c>domain</c>, <c>ok</c>, <c>queries</c>, <c>errors</c>,
    /// <c>notes</c>, <c>provenance</c> and <c>tree</c>.
    /// </summary>
    public static void WriteJson(SpfResult result, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("ranges");
        foreach (var range in result.Ranges)
        {
            w.WriteStringValue(range.ToString());
        }

        w.WriteEndArray();
        w.WriteNumber("lookups", result.Lookups);
        w.WriteNumber("voidLookups", result.VoidLookups);
        w.WriteStartArray("unflattenable");
        foreach (var u in result.Unflattenable)
        {
            w.WriteStartObject();
            w.WriteString("domain", u.Domain);
            w.WriteString("term", u.Term);
            w.WriteString("reason", u.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteDiagnostics(w, "warnings", result.Diagnostics.Where(d => d.Severity == Severity.Warning));
        w.WriteString("domain", result.Domain);
        w.WriteBoolean("ok", result.Succeeded);
        w.WriteNumber("queries", result.Queries);
        WriteDiagnostics(w, "errors", result.Diagnostics.Where(d => d.Severity == Severity.Error));
        WriteDiagnostics(w, "notes", result.Diagnostics.Where(d => d.Severity == Severity.Info));
        w.WriteStartArray("provenance");
        foreach (var p in result.Provenance)
        {
            w.WriteStartObject();
            w.WriteString("range", p.Network.ToString());
            w.WriteString("domain", p.Domain);
            w.WriteString("term", p.Term);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (result.Tree is { } tree)
        {
            w.WritePropertyName("tree");
            WriteNode(tree, w);
        }

        w.WriteEndObject();
    }

    private static void WriteNode(SpfNode node, TextWriter writer, string indent)
    {
        writer.WriteLine($"{indent}{node.Domain}  \"{node.Record ?? "(no SPF record)"}\"");
        foreach (var term in node.Terms)
        {
            var granted = term.Granted.Count == 0 ? "" : $"  [{string.Join(", ", term.Granted)}]";
            var detail = term.Detail.Length == 0 ? "" : $" ({term.Detail})";
            writer.WriteLine($"{indent}  {term.Text}  {Outcome(term.Outcome)}{detail}{granted}");
            if (term.Child is { } child)
            {
                WriteNode(child, writer, indent + "    ");
            }
        }
    }

    private static void WriteNode(SpfNode node, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("domain", node.Domain);
        w.WriteString("record", node.Record);
        w.WriteStartArray("terms");
        foreach (var term in node.Terms)
        {
            w.WriteStartObject();
            w.WriteString("term", term.Text);
            w.WriteString("outcome", Outcome(term.Outcome));
            w.WriteString("detail", term.Detail);
            w.WriteBoolean("lookup", term.CountsAsLookup);
            w.WriteNumber("voidLookups", term.VoidLookups);
            WriteStrings(w, "granted", term.Granted.Select(g => g.ToString()));
            WriteStrings(w, "hosts", term.Hosts);
            if (term.Child is { } child)
            {
                w.WritePropertyName("record");
                WriteNode(child, w);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDiagnostics(Utf8JsonWriter w, string name, IEnumerable<Diagnostic> diagnostics)
    {
        w.WriteStartArray(name);
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("domain", d.Location.File);
            w.WriteString("message", d.Message);
            w.WriteString("hint", d.Hint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string Outcome(SpfTermOutcome outcome) => outcome switch
    {
        SpfTermOutcome.NotTrusted => "not-trusted",
        SpfTermOutcome.NoRecord => "no-record",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
