using System.CommandLine;
using System.Text.Json;
using RuleForge.Explanation;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Pipeline;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge explain POLICY --client-ip IP --envelope-from ADDR ...</c>: predicts what each
/// daemon does with one message, from the same plans build renders.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliIo io)
    {
        var policy = CommonOptions.Policy();
        var client = new Option<string>("--client-ip")
        {
            Description = "The connecting client's address.",
            Required = true,
        };
        var envelope = new Option<string>("--envelope-from") { Description = "MAIL FROM address.", Required = true };
        var header = new Option<string?>("--header-from")
        {
            Description = "From: header address (default: the envelope sender).",
        };
        var spf = Auth("--spf", "SPF result: pass, fail, softfail or none.", "pass", "fail", "softfail", "none");
        var dkim = new Option<string>("--dkim")
        {
            Description = "DKIM: pass:<signing domain>, fail or none.",
            DefaultValueFactory = _ => "none",
        };
        var dmarc = Auth("--dmarc", "DMARC result: pass, fail or none.", "pass", "fail", "none");
        var listed = new Option<string[]>("--listed")
        {
            Description = "A blocklist (id or zone) that lists the client or sender, optionally =answer. Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = CommonOptions.Format();
        var settings = CommonOptions.Settings();
        var command = new Command(
            "explain", "Predict, stage by stage, what Postfix, Rspamd and SpamAssassin do with one message.")
        {
            policy, client, envelope, header, spf, dkim, dmarc, listed, format, settings,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(policy)!;
            var defaults = CommonOptions.LoadSettings(result, settings).Defaults;
            var prepared = BuildPipeline.Prepare(path, CommonOptions.DisplayPath(path, io), defaults);
            DiagnosticPrinter.Print(prepared.Diagnostics, io, quiet: true);
            if (prepared.Plan is not { } plan)
            {
                return ExitCodes.Errors;
            }

            if (!TryFacts(result, plan.Policy, io, out var facts, client, envelope, header, spf, dkim, dmarc, listed))
            {
                return ExitCodes.Usage;
            }

            var explanation = Explainer.Explain(plan, facts);
            if (result.GetValue(format) == "json")
            {
                using var w = new Utf8JsonWriter(io.Out.AsStream(), CommonOptions.JsonOptions);
                ExplanationWriter.WriteJson(explanation, w);
                w.Flush();
                io.Out.WriteLine();
            }
            else
            {
                ExplanationWriter.WriteText(explanation, io.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> Auth(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => "none" };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    private static bool TryFacts(
        ParseResult result, Policy policy, CliIo io, out MessageFacts facts, Option<string> client,
        Option<string> envelope, Option<string?> header, Option<string> spf, Option<string> dkim,
        Option<string> dmarc, Option<string[]> listed)
    {
        facts = null!;
        if (!IpNetwork.TryParseAddress(result.GetValue(client)!, out var family, out var address))
        {
            io.Error.WriteLine($"ruleforge: --client-ip '{result.GetValue(client)}' is not an IPv4 or IPv6 address");
            return false;
        }

        var dkimText = result.GetValue(dkim)!;
        var (dkimResult, dkimDomain) = dkimText switch
        {
            "none" => (AuthResult.None, (string?)null),
            "fail" => (AuthResult.Fail, null),
            _ when dkimText.StartsWith("pass:", StringComparison.Ordinal) && dkimText.Length > 5 =>
                (AuthResult.Pass, dkimText[5..].ToLowerInvariant()),
            _ => (AuthResult.None, "?"),
        };
        if (dkimDomain == "?")
        {
            io.Error.WriteLine($"ruleforge: --dkim '{dkimText}' must be pass:<domain>, fail or none");
            return false;
        }

        var listings = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var item in result.GetValue(listed) ?? [])
        {
            if (!TryListing(item, policy, out var zone, out var answer, out var error))
            {
                io.Error.WriteLine($"ruleforge: --listed '{item}': {error}");
                return false;
            }

            listings[zone] = answer;
        }

        var envelopeFrom = result.GetValue(envelope)!;
        facts = new MessageFacts(family, address, envelopeFrom, result.GetValue(header) ?? envelopeFrom,
            Parse(result.GetValue(spf)!), dkimResult, dkimDomain, Parse(result.GetValue(dmarc)!), listings);
        return true;
    }

    private static bool TryListing(string item, Policy policy, out string zone, out uint answer, out string error)
    {
        var eq = item.IndexOf('=', StringComparison.Ordinal);
        var (name, code) = eq < 0 ? (item, (string?)null) : (item[..eq], item[(eq + 1)..]);
        var list = policy.Blocklists.FirstOrDefault(b => b.Id == name || b.Zone == name.TrimEnd('.'));
        zone = list?.Zone ?? name.TrimEnd('.').ToLowerInvariant();
        answer = 0;
        error = "";
        if (code is null)
        {
            if (list is null)
            {
                error = "not a blocklist of the policy; give the zone with an answer, such as zone=127.0.0.2";
                return false;
            }

            answer = list.ListingCodes[0].First;
            return true;
        }

        if (!IpNetwork.TryParseAddress(code, out var family, out var value) || family != IpFamily.V4)
        {
            error = $"'{code}' is not an IPv4 answer such as 127.0.0.2";
            return false;
        }

        answer = (uint)value;
        return true;
    }

    private static AuthResult Parse(string text) => text switch
    {
        "pass" => AuthResult.Pass,
        "fail" => AuthResult.Fail,
        "softfail" => AuthResult.SoftFail,
        _ => AuthResult.None,
    };
}
