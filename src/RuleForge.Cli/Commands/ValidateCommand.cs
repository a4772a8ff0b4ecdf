using System.CommandLine;
using System.Text.Json;
using RuleForge.Diagnostics;
using RuleForge.Pipeline;

namespace RuleForge.Cli.Commands;

/// <summary><c>ruleforge validate POLICY</c>: diagnostics only, nothing is written.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliIo io)
    {
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format();
        var quiet = CommonOptions.Quiet();
        var settings = CommonOptions.Settings();
        var command = new Command("validate", "Check a policy and report every problem.")
        {
            policy, format, quiet, settings,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(policy)!;
            var loaded = CommonOptions.LoadSettings(result, settings);
            if (loaded.Problems() is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    io.Error.WriteLine($"ruleforge: {problem}");
                }

                return ExitCodes.Usage;
            }

            var validation = BuildPipeline.Validate(path, CommonOptions.DisplayPath(path, io), loaded.Defaults);
            var ok = validation.Policy is not null;
            if (result.GetValue(format) == "json")
            {
                using var w = new Utf8JsonWriter(io.Out.AsStream(), CommonOptions.JsonOptions);
                w.WriteStartObject();
                w.WriteBoolean("valid", ok);
                DiagnosticPrinter.WriteJson(validation.Diagnostics, w);
                w.WriteEndObject();
                w.Flush();
                io.Out.WriteLine();
            }
            else
            {
                DiagnosticPrinter.Print(validation.Diagnostics, io, result.GetValue(quiet));
                if (ok && !result.GetValue(quiet))
                {
                    var p = validation.Policy!;
                    io.Out.WriteLine($"{CommonOptions.DisplayPath(path, io)}: valid " +
                        $"({p.Senders.Count} senders, {p.Blocklists.Count} blocklists)");
                }
            }

            return ok ? ExitCodes.Ok : ExitCodes.Errors;
        });
        return command;
    }
}
