using System.Text.Json;
using RuleForge.Diagnostics;

namespace RuleForge.Cli;

/// <summary>Prints diagnostics as text (file:line:col: severity code: message) or JSON.</summary>
public static class DiagnosticPrinter
{
    /// <summary>Prints every diagnostic; warnings are left out with --quiet.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool quiet)
    {
        foreach (var d in diagnostics.Where(d => !quiet || d.Severity == Severity.Error))
        {
            writer.WriteLine(d.Headline);
            if (d.Hint is not null)
            {
                writer.WriteLine($"  hint: {d.Hint}");
            }
        }
    }

    /// <summary>Writes diagnostics as a JSON array for tools.</summary>
    public static void WriteJson(IEnumerable<Diagnostic> diagnostics, Utf8JsonWriter w)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("file", d.Location.File);
            w.WriteNumber("line", d.Location.Line);
            w.WriteNumber("column", d.Location.Column);
            w.WriteString("message", d.Message);
            if (d.Hint is not null)
            {
                w.WriteString("hint", d.Hint);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
