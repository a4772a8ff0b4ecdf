using System.CommandLine;
using System.Text.Json;
using RuleForge.Diagnosis;
using RuleForge.Pipeline;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge diagnose LOG... --policy POLICY</c>: reads mail logs and reports the rejections and
/// spam verdicts blocklists caused, the trusted senders among them, error answers, and what the
/// policy would do. Exit 0 with a report, 1 when the policy or a log cannot be read.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(CliIo io)
    {
        var logs = new Argument<string[]>("logs")
        {
            Description = "Mail log files (plain or gzip), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var policy = new Option<string>("--policy")
        {
            Description = "The policy whose trusted senders and blocklists the logs are read against.",
            Required = true,
        };
        var format = CommonOptions.Format();
        var settings = CommonOptions.Settings();
        var command = new Command(
            "diagnose", "Read mail logs: which blocklists rejected what, which trusted mail was hit, error answers.")
        {
            logs, policy, format, settings,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(logs)!.Count(l => l == "-") > 1)
            {
                io.Error.WriteLine("ruleforge: standard input ('-') can be read only once; give it once.");
                return ExitCodes.Usage;
            }

            // Note: the scan's hot methods compile on another core while the policy loads.
            _ = LogDiagnoser.WarmUp();
            var path = result.GetValue(policy)!;
            var defaults = CommonOptions.LoadSettings(result, settings).Defaults;
            var prepared = BuildPipeline.Prepare(path, CommonOptions.DisplayPath(path), defaults);
            DiagnosticPrinter.Print(prepared.Diagnostics, io.Error, quiet: true);
            if (prepared.Plan is not { } plan)
            {
                return ExitCodes.Errors;
            }

            var inputs = result.GetValue(logs)!.Select(l => Input(l, io)).ToList();
            var diagnosis = LogDiagnoser.Diagnose(plan, inputs);
            DiagnosticPrinter.Print(diagnosis.Errors, io.Error, quiet: false);
            if (diagnosis.Report is not { } report)
            {
                return ExitCodes.Errors;
            }

            DiagnosticPrinter.Print(report.Warnings, io.Error, quiet: false);
            if (result.GetValue(format) == "json")
            {
                using var w = new Utf8JsonWriter(io.Out.AsStream(), CommonOptions.JsonOptions);
                DiagnosisWriter.WriteJson(report, w);
                w.Flush();
                io.Out.WriteLine();
            }
            else
            {
                DiagnosisWriter.WriteText(report, io.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static LogInput Input(string path, CliIo io) => path == "-"
        ? new LogInput("-", io.OpenInput)
        : new LogInput(CommonOptions.DisplayPath(path), () => new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan));
}
