using System.CommandLine;
using System.Text.Json;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Resolution;
using RuleForge.Resolution.Feeds;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge feed show FILE|URL [--shape S] [--where field=value ...] [--format json]</c>: the
/// fields of a feed with their values and counts, and the ranges a filter selects. A URL is
/// downloaded (https, or plain http on loopback) within the Feeds:MaxBytes and Feeds:Timeout
/// limits. Exit 0 when read and the filter keeps rows, 1 for an unreadable feed, a failed
/// download or a filter problem, 2 for usage.
/// </summary>
internal static class FeedCommand
{
    private const int ValuesShown = 15;

    public static Command Create(CliIo io)
    {
        var command = new Command("feed", "Work with IP-range feeds.");
        command.Subcommands.Add(Show(io));
        return command;
    }

    private static Command Show(CliIo io)
    {
        var file = new Argument<string>("feed")
        {
            Description = "The feed file (JSON or one CIDR per line), or an https URL to download it from.",
        };
        var shape = new Option<string>("--shape")
        {
            Description = "The feed's shape; auto recognises the built-in ones.",
            DefaultValueFactory = _ => FeedShapes.Auto,
        };
        shape.AcceptOnlyFromAmong([.. FeedShapes.All]);
        var items = new Option<string?>("--items") { Description = "Generic shape: dotted path to the rows." };
        var cidrField = new Option<string?>("--cidr-field") { Description = "Generic shape: the CIDR field." };
        var where = new Option<string[]>("--where")
        {
            Description = "A filter, field=value or field!=value; repeat a field for 'any of'.",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = CommonOptions.Format();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var settings = CommonOptions.Settings();
        var command = new Command("show", "Show a feed's fields and values, and the ranges a filter selects.")
        {
            file, shape, items, cidrField, where, format, quiet, verbose, settings,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var path = result.GetValue(file)!;
            var options = new ShowOptions(result.GetValue(shape)!, result.GetValue(items),
                result.GetValue(cidrField), result.GetValue(where) ?? []);
            var loaded = Cli.Settings.Load(result.GetValue(settings), new Dictionary<string, string?>());
            var problems = loaded.FeedProblems();
            foreach (var problem in problems)
            {
                io.Error.WriteLine($"ruleforge: {problem}");
            }

            if (problems.Count > 0)
            {
                return ExitCodes.Usage;
            }

            var show = new ShowRun(path, options, result.GetValue(format) == "json", result.GetValue(quiet),
                result.GetValue(verbose));
            return await RunAsync(show, loaded.Feeds, io, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ShowRun run, FeedFetchSettings limits, CliIo io, CancellationToken cancellation)
    {
        var (path, options) = (run.Path, run.Options);
        var url = FeedUrls.LooksLikeUrl(path) ? FeedUrls.Parse(path) : null;
        if (FeedUrls.LooksLikeUrl(path) && (url is null || !FeedUrls.IsAllowed(url)))
        {
            io.Error.WriteLine(url is null
                ? $"ruleforge: '{path}' is not an absolute http or https URL"
                : $"ruleforge: '{path}' uses plain http, which is allowed only for loopback hosts; use https");
            return ExitCodes.Usage;
        }

        var name = url?.AbsoluteUri ?? CommonOptions.DisplayPath(path, io);
        if (Conditions(options.Where, name, io) is not { } conditions || ShapeOf(options, io) is not { } shape)
        {
            return ExitCodes.Usage;
        }

        byte[] content;
        if (url is not null)
        {
            using var fetcher = new FeedFetcher(limits);
            try
            {
                content = (await fetcher.FetchAsync(url, cancellation: cancellation).ConfigureAwait(false)).Content;
            }
            catch (FeedFetchException e)
            {
                io.Error.WriteLine(e.ToDiagnostic(name, SourceLocation.OfFile(name), limits));
                return ExitCodes.Errors;
            }
        }
        else if (ReadFile(path, io) is { } bytes)
        {
            content = bytes;
        }
        else
        {
            return ExitCodes.Usage;
        }

        var (json, quiet, verbose) = (run.Json, run.Quiet, run.Verbose);
        FeedScan scan;
        using (var progress = TerminalProgress.For(io, quiet))
        {
            try
            {
                progress?.Report($"reading feed {name} ({content.Length} bytes)");
                scan = FeedScan.Read(
                    shape, content, options.Items, options.CidrField, [conditions], summarise: true);
            }
            catch (FeedReadException e)
            {
                progress?.Dispose();
                io.Error.WriteLine(Messages.FeedParse.At(SourceLocation.OfFile(name), name, shape, e.Message));
                return ExitCodes.Errors;
            }
        }

        var summary = FeedSummary.Of(scan, name, conditions);
        DiagnosticPrinter.Print(summary.Diagnostics, io, quiet);
        if (json)
        {
            WriteJson(summary, io);
        }
        else
        {
            WriteText(summary, name, verbose, io.Out);
        }

        return summary.Diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.Errors : ExitCodes.Ok;
    }

    // Note: repeating a field makes one "any of" condition, as a list does in a policy's where.
    private static List<FeedCondition>? Conditions(IReadOnlyList<string> where, string name, CliIo io)
    {
        var parsed = new List<(string Field, bool Negated, string Value)>();
        foreach (var text in where)
        {
            var negated = text.Contains("!=", StringComparison.Ordinal);
            var parts = text.Split(negated ? "!=" : "=", 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                io.Error.WriteLine($"ruleforge: --where '{text}' is not field=value or field!=value");
                return null;
            }

            parsed.Add((parts[0].Trim(), negated, parts[1].Trim()));
        }

        var at = SourceLocation.OfFile("--where");
        return parsed.GroupBy(p => (p.Field, p.Negated))
            .Select(g => new FeedCondition(g.Key.Field, g.Select(p => p.Value).Distinct().ToList(), g.Key.Negated, at))
            .ToList();
    }

    private static string? ShapeOf(ShowOptions options, CliIo io)
    {
        var generic = options.Items is not null || options.CidrField is not null;
        var shape = generic && options.Shape == FeedShapes.Auto ? FeedShapes.Generic : options.Shape;
        if (shape == FeedShapes.Generic && (options.Items is null || options.CidrField is null))
        {
            io.Error.WriteLine("ruleforge: the generic shape needs both --items and --cidr-field");
            return null;
        }

        if (shape != FeedShapes.Generic && generic)
        {
            io.Error.WriteLine($"ruleforge: --items and --cidr-field describe a generic feed, not shape '{shape}'");
            return null;
        }

        return shape;
    }

    private static byte[]? ReadFile(string path, CliIo io)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > FeedReader.MaxBytes)
            {
                io.Error.WriteLine($"ruleforge: '{path}' is larger than {FeedReader.MaxBytes} bytes");
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"ruleforge: cannot read the feed '{path}': {e.Message}");
            return null;
        }
    }

    private static void WriteJson(FeedSummary summary, CliIo io)
    {
        using var w = new Utf8JsonWriter(io.Out.AsStream(), CommonOptions.JsonOptions);
        w.WriteStartObject();
        w.WriteNumber("rows", summary.RowsRead);
        w.WriteNumber("selected", summary.RowsSelected);
        w.WriteStartObject("fields");
        foreach (var field in summary.Fields)
        {
            w.WriteStartObject(field.Name);
            foreach (var (value, count) in field.Values)
            {
                w.WriteNumber(value, count);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("ranges");
        foreach (var range in summary.Ranges)
        {
            w.WriteStringValue(range.ToString());
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        io.Out.WriteLine();
    }

    private static void WriteText(FeedSummary summary, string name, bool verbose, TextWriter output)
    {
        var how = summary.Detected ? "recognised as" : "read as";
        output.WriteLine($"{name}: {how} {summary.Shape}, {summary.RowsRead} rows");
        output.WriteLine(summary.Fields.Count == 0 ? "fields: none" : "fields:");
        foreach (var field in summary.Fields)
        {
            // Note: the most frequent values first; --verbose or --format json lists them all.
            var shown = field.Values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(verbose ? int.MaxValue : ValuesShown).ToList();
            output.WriteLine($"  {field.Name} ({field.Values.Count} values)");
            foreach (var (value, count) in shown)
            {
                output.WriteLine($"    {value,-40} {count,6}");
            }

            if (shown.Count < field.Values.Count)
            {
                output.WriteLine($"    ... {field.Values.Count - shown.Count} more (--verbose shows all)");
            }
        }

        foreach (var (condition, left) in summary.Steps)
        {
            output.WriteLine($"where {condition}: {left} rows");
        }

        output.WriteLine($"selected: {summary.RowsSelected} rows, {summary.Ranges.Count} ranges after aggregation, " +
            $"{summary.AddressesIpv4} IPv4 and {summary.AddressesIpv6} IPv6 addresses");
        foreach (var range in summary.Ranges)
        {
            output.WriteLine($"  {range}");
        }
    }

    private sealed record ShowRun(string Path, ShowOptions Options, bool Json, bool Quiet, bool Verbose);

    private sealed record ShowOptions(string Shape, string? Items, string? CidrField, IReadOnlyList<string> Where);
}
