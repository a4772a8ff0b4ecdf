using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RuleForge.Pipeline;
using RuleForge.Rendering;

namespace RuleForge.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Format()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    /// <summary>Indented JSON that keeps '&lt;' and quotes readable.</summary>
    public static JsonWriterOptions JsonOptions { get; } = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print errors only." };

    public static Option<bool> Verbose() =>
        new("--verbose", "-v") { Description = "Print more detail, and stack traces on internal errors." };

    public static Option<string?> Settings() =>
        new("--settings") { Description = "JSON settings file (default: ./ruleforge.json when present)." };

    public static Option<string?> Templates() =>
        new("--templates") { Description = "Folder of templates that override the built-in ones." };

    public static Argument<string> Policy() => new("policy") { Description = "The policy YAML file." };

    /// <summary>
    /// The policy path as generated files and diagnostics name it: relative when inside the
    /// working folder, else the file name alone (no machine paths in output).
    /// </summary>
    public static string DisplayPath(string path, CliIo? io = null)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        var display = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? Path.GetFileName(full)
            : relative.Replace('\\', '/');
        io?.SourceFiles.TryAdd(display, full);
        return display;
    }

    /// <summary>Settings with the command-line flags on top.</summary>
    public static Settings LoadSettings(ParseResult result, Option<string?> settings, Option<string?>? templates = null)
    {
        var flags = new Dictionary<string, string?>();
        if (templates is not null)
        {
            flags["Templates"] = result.GetValue(templates);
        }

        return Cli.Settings.Load(result.GetValue(settings), flags);
    }

    /// <summary>
    /// Loads settings and templates and builds the policy in memory; null (already reported) on
    /// a usage problem with the settings or the template folder.
    /// </summary>
    public static BuildOutcome? Build(
        ParseResult result, CliIo io, string path, Option<string?> settings, Option<string?> templates,
        bool quiet = false)
    {
        var loaded = LoadSettings(result, settings, templates);
        if (Templates(loaded, io) is not { } source)
        {
            return null;
        }

        using var progress = TerminalProgress.For(io, quiet);
        return BuildPipeline.Build(path, DisplayPath(path, io), loaded.Defaults, source, progress);
    }

    /// <summary>The template source for the settings, or null (reported) when the folder is missing.</summary>
    public static TemplateSource? Templates(Settings settings, CliIo io)
    {
        foreach (var problem in settings.Problems())
        {
            io.Error.WriteLine($"ruleforge: {problem}");
        }

        if (settings.Problems().Count > 0)
        {
            return null;
        }

        if (settings.TemplateFolder is { } folder && !Directory.Exists(folder))
        {
            var at = Diagnostics.SourceLocation.OfFile(folder);
            io.Error.WriteLine(Diagnostics.Messages.TemplateFolderMissing.At(at, folder));
            return null;
        }

        // Note: Scriban reads the template model by reflection, and a native build keeps only what
        // scripts/test shows the built-in templates read; a custom template could reach a member
        // trimming dropped and print nothing where a value belongs, in a mail configuration.
        if (settings.TemplateFolder is { } custom && !RuntimeFeature.IsDynamicCodeSupported)
        {
            io.Error.WriteLine(Diagnostics.Messages.TemplatesNeedPortableBuild.At(
                Diagnostics.SourceLocation.OfFile(custom), custom));
            return null;
        }

        return new TemplateSource(settings.TemplateFolder);
    }
}
