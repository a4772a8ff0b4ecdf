using System.CommandLine;
using System.Text.Json;
using RuleForge.Audit;
using RuleForge.Diagnostics;
using RuleForge.Proof;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge audit [--postfix DIR] [--rspamd DIR] [--spamassassin DIR] [--policy POLICY]</c>:
/// reads an existing deployment and reports what undercuts trust in it.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliIo io)
    {
        var postfix = Folder("--postfix", "Postfix folder: main.cf (or main.cf.fragment), master.cf, lookup tables.");
        var rspamd = Folder("--rspamd", "Rspamd folder that holds local.d/ and override.d/.");
        var spamassassin = Folder("--spamassassin", "SpamAssassin site folder with the *.pre and *.cf files.");
        var policy = new Option<string?>("--policy")
        {
            Description = "Prove this policy again with the deployment's own restrictions merged in.",
        };
        var format = CommonOptions.Format();
        var quiet = CommonOptions.Quiet();
        var settings = CommonOptions.Settings();
        var command = new Command("audit", "Report what in an existing Postfix, Rspamd and SpamAssassin " +
            "configuration undercuts trust in senders over blocklists.")
        {
            postfix, rspamd, spamassassin, policy, format, quiet, settings,
        };
        command.SetAction(result =>
        {
            var policyPath = result.GetValue(policy);
            var request = new AuditRequest(result.GetValue(postfix), result.GetValue(rspamd),
                result.GetValue(spamassassin), policyPath,
                policyPath is null ? null : CommonOptions.DisplayPath(policyPath),
                CommonOptions.LoadSettings(result, settings).Defaults);
            var problems = Auditor.CheckInputs(request);
            if (problems.Count > 0)
            {
                DiagnosticPrinter.Print(problems, io, quiet: false);
                return ExitCodes.Usage;
            }

            var audit = Auditor.Audit(request);
            DiagnosticPrinter.Print(audit.PolicyDiagnostics, io, quiet: true);
            if (result.GetValue(format) == "json")
            {
                WriteJson(audit, request, io);
            }
            else
            {
                WriteText(audit, request, io, result.GetValue(quiet));
            }

            return audit.HasErrors ? ExitCodes.Errors : ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string?> Folder(string name, string description) => new(name) { Description = description };

    private static void WriteText(AuditResult audit, AuditRequest request, CliIo io, bool quiet)
    {
        DiagnosticPrinter.Print(audit.Findings, io.Out, quiet);
        if (quiet)
        {
            return;
        }

        var errors = audit.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = audit.Findings.Count(f => f.Severity == Severity.Warning);
        io.Out.WriteLine($"audit of {string.Join(", ", audit.Audited)}: {Count(errors, "error")}, " +
            $"{Count(warnings, "warning")}");
        if (audit.Proof is { } proof)
        {
            var failed = proof.Obligations.Count(o => o.Status == ObligationStatus.Failed);
            io.Out.WriteLine($"proof of {request.PolicyDisplayPath} with this deployment: " +
                (failed == 0 ? "holds" : $"{Count(failed, "obligation")} failed") +
                $" ({Count(proof.Obligations.Count, "obligation")})");
        }
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static void WriteJson(AuditResult audit, AuditRequest request, CliIo io)
    {
        using var w = new Utf8JsonWriter(io.Out.AsStream(), CommonOptions.JsonOptions);
        w.WriteStartObject();
        w.WriteStartArray("audited");
        foreach (var target in audit.Audited)
        {
            w.WriteStringValue(target);
        }

        w.WriteEndArray();
        w.WriteNumber("errors", audit.Findings.Count(f => f.Severity == Severity.Error));
        w.WriteNumber("warnings", audit.Findings.Count(f => f.Severity == Severity.Warning));
        w.WritePropertyName("findings");
        WriteFindings(audit.Findings, w);
        if (audit.Proof is { } proof)
        {
            w.WriteStartObject("proof");
            w.WriteString("policy", request.PolicyDisplayPath);
            w.WriteBoolean("holds", proof.Holds);
            w.WriteNumber("obligations", proof.Obligations.Count);
            w.WriteNumber("failed", proof.Obligations.Count(o => o.Status == ObligationStatus.Failed));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("proof");
        }

        w.WriteEndObject();
        w.Flush();
        io.Out.WriteLine();
    }

    private static void WriteFindings(IReadOnlyList<Diagnostic> findings, Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var d in findings)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("file", d.Location.File);
            w.WriteNumber("line", d.Location.Line);
            w.WriteNumber("column", d.Location.Column);
            w.WriteString("message", d.Message);
            w.WriteString("fix", d.Hint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
