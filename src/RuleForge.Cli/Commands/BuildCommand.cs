using System.CommandLine;
using RuleForge.Diagnostics;
using RuleForge.Output;
using RuleForge.Pipeline;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge build POLICY --out DIR</c>: validate, resolve, prove, render, and write the
/// tree whole or not at all.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(CliIo io)
    {
        var policy = CommonOptions.Policy();
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder to write the configuration into.",
            Required = true,
        };
        var quiet = CommonOptions.Quiet();
        var settings = CommonOptions.Settings();
        var templates = CommonOptions.Templates();
        var command = new Command(
            "build", "Compile a policy into Rspamd, SpamAssassin and Postfix configuration with its proof.")
        {
            policy, output, quiet, settings, templates, CommonOptions.Verbose(),
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(policy)!;
            if (CommonOptions.Build(result, io, path, settings, templates, result.GetValue(quiet)) is not { } outcome)
            {
                return ExitCodes.Usage;
            }

            DiagnosticPrinter.Print(outcome.Diagnostics, io, result.GetValue(quiet));
            if (!outcome.Succeeded)
            {
                io.Error.WriteLine("build failed; nothing was written.");
                return ExitCodes.Errors;
            }

            var dir = result.GetValue(output)!;
            var written = OutputWriter.Write(dir, outcome.Files);
            DiagnosticPrinter.Print(written, io, quiet: false);
            if (written.Any(d => d.Severity == Severity.Error))
            {
                return ExitCodes.Errors;
            }

            if (!result.GetValue(quiet))
            {
                var proven = outcome.Proof!.Obligations.Count(o => o.Status == Proof.ObligationStatus.Proven);
                io.Out.WriteLine($"wrote {outcome.Files.Count} files to {dir}; " +
                    $"proof holds ({proven} obligations proven, see {dir}/proof.md)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
