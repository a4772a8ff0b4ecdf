using System.CommandLine;
using RuleForge.Verification;

namespace RuleForge.Cli.Commands;

/// <summary><c>ruleforge verify DIR</c>: lint a built tree with the real daemons.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliIo io)
    {
        var dir = new Argument<string>("dir") { Description = "A folder written by 'ruleforge build'." };
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command(
            "verify", "Lint a built tree with the real Rspamd, SpamAssassin and Postfix, in a loopback-only sandbox.")
        {
            dir, quiet, verbose,
        };
        command.SetAction(result =>
        {
            var tree = result.GetValue(dir)!;
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

            DiagnosticPrinter.Print(outcome.Diagnostics, io.Error, quiet: false);
            return outcome.Passed ? ExitCodes.Ok : ExitCodes.Errors;
        });
        return command;
    }
}
