using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using RuleForge.Net;
using RuleForge.Pipeline;
using RuleForge.Resolution.Dns;
using RuleForge.Validation;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge dnsbl check SUBJECT --policy POLICY</c>: asks each of the policy's blocklists
/// about a client IP or a sender domain and says, by the list's listing codes, what the
/// answer means. Exit 0 when every list answered (listed or not), 1 when one could not be asked.
/// </summary>
internal static class DnsblCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("dnsbl", "Work with the policy's DNS blocklists.");
        command.Subcommands.Add(Check(io));
        return command;
    }

    private static Command Check(CliIo io)
    {
        var subject = new Argument<string>("subject") { Description = "A client IP address or a sender domain." };
        var policy = new Option<string>("--policy")
        {
            Description = "The policy whose blocklists to ask.",
            Required = true,
        };
        var format = CommonOptions.Format();
        var settings = CommonOptions.Settings();
        var server = DnsOptions.Server();
        var command = new Command("check", "Ask each blocklist of a policy about an IP address or a domain.")
        {
            subject, policy, format, settings, server,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var text = result.GetValue(subject)!;
            if (!IpNetwork.TryParseAddress(text, out _, out _)
                && !DomainNames.TryNormalise(text, allowUnderscore: false, out _, out _))
            {
                io.Error.WriteLine($"ruleforge: '{text}' is neither an IP address nor a domain name");
                return ExitCodes.Usage;
            }

            if (DnsOptions.Load(result, settings, server, io) is not { } dns)
            {
                return ExitCodes.Usage;
            }

            var path = result.GetValue(policy)!;
            var defaults = Cli.Settings.Load(result.GetValue(settings), new Dictionary<string, string?>()).Defaults;
            var validation = BuildPipeline.Validate(path, CommonOptions.DisplayPath(path, io), defaults);
            DiagnosticPrinter.Print(validation.Diagnostics, io, quiet: true);
            if (validation.Policy is not { } valid)
            {
                return ExitCodes.Errors;
            }

            IReadOnlyList<BlocklistAnswer> answers;
            using (var progress = TerminalProgress.For(io, quiet: false))
            {
                answers = await new BlocklistChecker(new DnsLookup(dns, progress))
                    .CheckAsync(valid.Blocklists, text, cancellation).ConfigureAwait(false);
            }

            Write(text, answers, result.GetValue(format) == "json", io);
            return answers.Any(a => a.Verdict == BlocklistVerdict.Failed) ? ExitCodes.Errors : ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(string subject, IReadOnlyList<BlocklistAnswer> answers, bool json, CliIo io)
    {
        if (!json)
        {
            var warnings = answers.Select(a => a.Diagnostic).OfType<Diagnostics.Diagnostic>();
            DiagnosticPrinter.Print(warnings, io, quiet: false);
            foreach (var a in answers)
            {
                io.Out.WriteLine($"{a.Blocklist}: {a.Detail}{(a.QueryName is null ? "" : $" [{a.QueryName}]")}");
            }

            return;
        }

        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var w = new Utf8JsonWriter(io.Out.AsStream(), options);
        w.WriteStartObject();
        w.WriteString("subject", subject);
        w.WriteBoolean("listed", answers.Any(a => a.Verdict == BlocklistVerdict.Listed));
        w.WriteStartArray("blocklists");
        foreach (var a in answers)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Blocklist);
            w.WriteString("query", a.QueryName);
            w.WriteString("verdict", Verdict(a.Verdict));
            w.WriteStartArray("answers");
            foreach (var code in a.Codes)
            {
                w.WriteStringValue(code);
            }

            w.WriteEndArray();
            w.WriteString("detail", a.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        io.Out.WriteLine();
    }

    private static string Verdict(BlocklistVerdict verdict) => verdict switch
    {
        BlocklistVerdict.NotListed => "not-listed",
        BlocklistVerdict.ErrorAnswer => "error-answer",
        BlocklistVerdict.NotApplicable => "not-applicable",
        _ => verdict.ToString().ToLowerInvariant(),
    };
}
