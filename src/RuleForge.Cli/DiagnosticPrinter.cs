using System.Text.Json;
using RuleForge.Diagnostics;

namespace RuleForge.Cli;

/// <summary>
/// Prints diagnostics as text (file:line:col: severity code: message) or JSON. At a terminal
/// the text form also shows the source line with a caret under the problem.
/// </summary>
public static class DiagnosticPrinter
{
    private const long MaxExcerptFileBytes = 16 * 1024 * 1024;

    /// <summary>Prints every diagnostic; warnings are left out with --quiet.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool quiet) =>
        Print(diagnostics, writer, quiet, excerpts: false);

    /// <summary>
    /// Prints every diagnostic to <see cref="CliIo.Error"/>, with source excerpts when it is a
    /// terminal; warnings are left out with --quiet.
    /// </summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, CliIo io, bool quiet) =>
        Print(diagnostics, io.Error, quiet, io.ErrorIsTerminal, io.SourceFiles);

    private static void Print(
        IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool quiet, bool excerpts,
        IReadOnlyDictionary<string, string>? sourceFiles = null)
    {
        var files = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var d in diagnostics.Where(d => !quiet || d.Severity == Severity.Error))
        {
            writer.WriteLine(d.Headline);
            if (excerpts && SourceExcerpt.For(d.Location, Lines(d.Location.File, sourceFiles, files)) is { } excerpt)
            {
                foreach (var line in excerpt)
                {
                    writer.WriteLine(line);
                }
            }

            if (d.Hint is not null)
            {
                writer.WriteLine($"  hint: {d.Hint}");
            }
        }
    }

    // The file's lines: a file this run read under that name, else the name relative to the
    // working folder; none when it cannot be read or is too large to read again for one line,
    // which only costs the excerpt.
    private static string[] Lines(
        string file, IReadOnlyDictionary<string, string>? sourceFiles, Dictionary<string, string[]?> files)
    {
        if (!files.TryGetValue(file, out var lines))
        {
            var path = sourceFiles is not null && sourceFiles.TryGetValue(file, out var full) ? full : file;
            try
            {
                var info = new FileInfo(path);
                lines = info.Exists && info.Length <= MaxExcerptFileBytes ? File.ReadAllText(path).Split('\n') : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lines = null;
            }

            files[file] = lines;
        }

        return lines ?? [];
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
