using System.CommandLine;
using System.Text.Json;
using RuleForge.Output;
using RuleForge.Pipeline;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge check POLICY --out DIR</c> (exit 0 up to date, 1 stale) and
/// <c>ruleforge diff POLICY --out DIR</c> (the unified diff, or JSON changes for a bot): both
/// build in memory and write nothing.
/// </summary>
internal static class CheckCommand
{
    public static Command CreateCheck(CliIo io) => Create(io, "check",
        "Exit 0 when DIR holds exactly what build would write now, 1 when it is stale; writes nothing.",
        diff: false);

    public static Command CreateDiff(CliIo io) => Create(io, "diff",
        "Show the unified diff between DIR and a fresh build of the policy; writes nothing.", diff: true);

    private static Command Create(CliIo io, string name, string description, bool diff)
    {
        var policy = CommonOptions.Policy();
        var output = new Option<string>("--out", "-o")
        {
            Description = "The committed output folder.",
            Required = true,
        };
        var format = CommonOptions.Format();
        var quiet = CommonOptions.Quiet();
        var settings = CommonOptions.Settings();
        var templates = CommonOptions.Templates();
        var command = new Command(name, description) { policy, output, format, quiet, settings, templates };
        command.SetAction(result =>
        {
            var path = result.GetValue(policy)!;
            if (CommonOptions.Build(result, io, path, settings, templates, result.GetValue(quiet)) is not { } outcome)
            {
                return ExitCodes.Usage;
            }

            DiagnosticPrinter.Print(outcome.Diagnostics, io, quiet: true);
            if (!outcome.Succeeded)
            {
                io.Error.WriteLine($"{name}: the policy does not build; fix it first.");
                return ExitCodes.Errors;
            }

            var dir = result.GetValue(output)!;
            var differences = TreeCheck.Compare(dir, outcome.Files);
            if (result.GetValue(format) == "json")
            {
                WriteJson(io, dir, differences, diff);
            }
            else
            {
                WriteText(io, dir, differences, diff, result.GetValue(quiet));
            }

            return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.Errors;
        });
        return command;
    }

    private static void WriteText(
        CliIo io, string dir, IReadOnlyList<TreeDifference> differences, bool diff, bool quiet)
    {
        if (differences.Count == 0)
        {
            if (!quiet)
            {
                io.Out.WriteLine($"{dir} is up to date");
            }

            return;
        }

        foreach (var d in differences)
        {
            if (diff)
            {
                io.Out.Write(d.Diff);
            }
            else
            {
                io.Out.WriteLine($"{d.Kind}: {dir.TrimEnd('/')}/{d.Path}");
            }
        }

        io.Error.WriteLine(
            $"{dir} is stale: {differences.Count} file(s) differ; run 'ruleforge build' and commit the result");
    }

    private static void WriteJson(CliIo io, string dir, IReadOnlyList<TreeDifference> differences, bool diff)
    {
        using var w = new Utf8JsonWriter(io.Out.AsStream(), CommonOptions.JsonOptions);
        w.WriteStartObject();
        w.WriteString("folder", dir);
        w.WriteBoolean("upToDate", differences.Count == 0);
        w.WriteStartArray("changes");
        foreach (var d in differences)
        {
            w.WriteStartObject();
            w.WriteString("path", d.Path);
            w.WriteString("kind", d.Kind);
            if (diff)
            {
                w.WriteString("diff", d.Diff);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        io.Out.WriteLine();
    }
}
