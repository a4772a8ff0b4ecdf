using System.CommandLine;
using System.Text.Json;
using RuleForge.LiveProof;
using RuleForge.Output;
using RuleForge.Pipeline;
using RuleForge.Verification;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge verify DIR</c> lints a built tree with the real daemons;
/// <c>ruleforge verify --live POLICY</c> builds the policy into a temporary folder and checks
/// explain's predictions against the real daemons over a scenario matrix.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliIo io)
    {
        var target = new Argument<string>("target")
        {
            Description = "A folder written by 'ruleforge build', or with --live a policy file.",
        };
        var live = new Option<bool>("--live")
        {
            Description = "Run the scenario matrix against the real daemons (needs root).",
        };
        var format = CommonOptions.Format();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var settings = CommonOptions.Settings();
        var templates = CommonOptions.Templates();
        var command = new Command(
            "verify", "Check configuration with the real Rspamd, SpamAssassin and Postfix, in a loopback-only sandbox.")
        {
            target, live, format, quiet, verbose, settings, templates,
        };
        command.SetAction(result => result.GetValue(live)
            ? Live(result, io, result.GetValue(target)!, format, quiet, verbose, settings, templates)
            : Lint(result, io, result.GetValue(target)!, quiet, verbose));
        return command;
    }

    private static int Lint(ParseResult result, CliIo io, string tree, Option<bool> quiet, Option<bool> verbose)
    {
        var outcome = DaemonLinter.Lint(tree, tree.TrimEnd('/'));
        foreach (var finding in outcome.Findings)
        {
            if (!result.GetValue(quiet))
            {
                io.Out.WriteLine($"{finding.Daemon}: {(finding.Passed ? "ok" : "FAILED")} ({finding.Summary})");
            }

            if (result.GetValue(verbose) || !finding.Passed)
            {
                foreach (var line in finding.Output)
                {
                    io.Error.WriteLine($"  {finding.Daemon}: {line}");
                }
            }
        }

        DiagnosticPrinter.Print(outcome.Diagnostics, io, quiet: false);
        return outcome.Passed ? ExitCodes.Ok : ExitCodes.Errors;
    }

    private static int Live(
        ParseResult result, CliIo io, string policy, Option<string> format, Option<bool> quiet, Option<bool> verbose,
        Option<string?> settings, Option<string?> templates)
    {
        if (CommonOptions.Build(result, io, policy, settings, templates) is not { } outcome)
        {
            return ExitCodes.Usage;
        }

        DiagnosticPrinter.Print(outcome.Diagnostics, io, quiet: true);
        if (!outcome.Succeeded)
        {
            return ExitCodes.Errors;
        }

        var work = Directory.CreateTempSubdirectory("ruleforge-live-");
        try
        {
            var tree = Path.Combine(work.FullName, "tree");
            var written = OutputWriter.Write(tree, outcome.Files);
            DiagnosticPrinter.Print(written, io, quiet: false);
            if (written.Count > 0)
            {
                return ExitCodes.Errors;
            }

            var log = result.GetValue(verbose) ? io.Error : TextWriter.Null;
            var report = LiveVerifier.Verify(outcome.Plan!, tree, log);
            if (result.GetValue(format) == "json")
            {
                using var w = new Utf8JsonWriter(io.Out.AsStream(), CommonOptions.JsonOptions);
                LiveReportWriter.WriteJson(report, w);
                w.Flush();
                io.Out.WriteLine();
            }
            else
            {
                LiveReportWriter.WriteTable(report, io.Out, result.GetValue(quiet));
            }

            foreach (var problem in report.Run.Problems)
            {
                io.Error.WriteLine($"verify --live: {problem}");
            }

            return report.Disagreed == 0 && report.Run.Problems.Count == 0 && report.Results.Count > 0
                ? ExitCodes.Ok
                : ExitCodes.Errors;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
