using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using RuleForge.Resolution.Dns;
using RuleForge.Resolution.Spf;
using RuleForge.Validation;

namespace RuleForge.Cli.Commands;

/// <summary><c>ruleforge spf flatten DOMAIN</c>: a sender's SPF record as address ranges.</summary>
internal static class SpfCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("spf", "Work with senders' SPF records.");
        command.Subcommands.Add(Flatten(io));
        return command;
    }

    private static Command Flatten(CliIo io)
    {
        var domain = new Argument<string>("domain") { Description = "The sender's domain (envelope sender domain)." };
        var format = CommonOptions.Format();
        var quiet = CommonOptions.Quiet();
        var settings = CommonOptions.Settings();
        var server = DnsOptions.Server();
        var command = new Command(
            "flatten",
            "Resolve a domain's SPF record into the address ranges its pass terms grant, with the record " +
            "tree, lookup counts and warnings.")
        {
            domain, format, quiet, settings, server,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var name = result.GetValue(domain)!;
            if (!DomainNames.TryNormalise(name, allowUnderscore: true, out var ascii, out var error))
            {
                io.Error.WriteLine($"ruleforge: '{name}' is not a valid domain name: {error}");
                return ExitCodes.Usage;
            }

            var loaded = Cli.Settings.Load(result.GetValue(settings), new Dictionary<string, string?>());
            var problems = loaded.SpfProblems();
            problems.ToList().ForEach(p => io.Error.WriteLine($"ruleforge: {p}"));
            if (problems.Count > 0 || DnsOptions.Load(result, settings, server, io) is not { } dns)
            {
                return ExitCodes.Usage;
            }

            SpfResult flattened;
            using (var progress = TerminalProgress.For(io, result.GetValue(quiet)))
            {
                var flattener = new SpfFlattener(new DnsLookup(dns, progress), loaded.Spf);
                flattened = await flattener.FlattenAsync(ascii, cancellation).ConfigureAwait(false);
            }

            Write(flattened, result.GetValue(format) == "json", result.GetValue(quiet), io);
            return flattened.Succeeded ? ExitCodes.Ok : ExitCodes.Errors;
        });
        return command;
    }

    private static void Write(SpfResult flattened, bool json, bool quiet, CliIo io)
    {
        if (json)
        {
            var options = new JsonWriterOptions
            {
                Indented = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
            using var w = new Utf8JsonWriter(io.Out.AsStream(), options);
            SpfResultWriter.WriteJson(flattened, w);
            w.Flush();
            io.Out.WriteLine();
            return;
        }

        DiagnosticPrinter.Print(flattened.Diagnostics, io, quiet);
        if (!quiet || !flattened.Succeeded)
        {
            SpfResultWriter.WriteText(flattened, io.Out);
        }
        else
        {
            foreach (var range in flattened.Ranges)
            {
                io.Out.WriteLine(range);
            }
        }
    }
}
