using System.Text.RegularExpressions;
using RuleForge.Diagnostics;

namespace RuleForge.Audit.Rspamd;

/// <summary>
/// The Rspamd checks: rbl rules that count any answer, trust by a From address alone
/// (multimap, composites, the whitelist module, settings), pass-through rules, and files and
/// sections that Rspamd no longer reads.
/// </summary>
public static partial class RspamdAudit
{
    private static readonly string[] AuthSymbols = ["R_SPF_ALLOW", "R_DKIM_ALLOW", "DKIM_TRACE", "DMARC_POLICY_ALLOW"];

    private static readonly (string File, string Version, string Fix)[] Retired =
    [
        ("metrics.conf", "1.7", "Move action thresholds to local.d/actions.conf and symbol scores to " +
            "local.d/groups.conf (or the module's own file)."),
        ("rmilter_headers.conf", "1.7", "The module is called milter_headers now: rename the file to " +
            "milter_headers.conf."),
    ];

    /// <summary>Audits the site's local.d and override.d files.</summary>
    public static void Audit(RspamdDeployment deployment, DiagnosticBag findings)
    {
        var scores = RspamdScores.Collect(deployment);
        if (deployment["rbl.conf"] is { } rbl)
        {
            CheckRbl(rbl, scores, findings);
        }

        var forgeable = new HashSet<string>(StringComparer.Ordinal);
        var byClient = new HashSet<string>(AuthSymbols, StringComparer.Ordinal);
        if (deployment["multimap.conf"] is { } multimap)
        {
            CheckMultimap(multimap, scores, forgeable, byClient, findings);
        }

        if (deployment["composites.conf"] is { } composites)
        {
            CheckComposites(composites, scores, forgeable, byClient, findings);
        }

        RspamdTrustModules.Audit(deployment, findings);
        foreach (var file in deployment.Files)
        {
            foreach (var (name, version, fix) in Retired.Where(r => r.File == file.Name))
            {
                findings.Report(Messages.AuditOptionNotRead, SourceLocation.OfFile(file.Display),
                    $"'{file.Display}'", version, fix);
            }

            if (file.Root["metric"] is { } metric)
            {
                findings.Report(Messages.AuditOptionNotRead, metric.Location, "the 'metric' section", "1.7",
                    "Write actions in local.d/actions.conf and symbol scores in local.d/groups.conf.");
            }
        }
    }

    private static void CheckRbl(RspamdFile file, Dictionary<string, double> scores, DiagnosticBag findings)
    {
        if (file.Root["rbls"] is not UclObject rules)
        {
            return;
        }

        foreach (var rule in rules.Objects)
        {
            var body = (UclObject)rule.Value;
            if (body["enabled"] is UclScalar { IsTrue: false } || body["disabled"] is UclScalar { IsTrue: true })
            {
                continue;
            }

            var what = "Rspamd rbl rule";
            var zone = body.Text("rbl") ?? rule.Key;
            if (body["returncodes"] is null && body["returnbits"] is null)
            {
                findings.Report(Messages.AuditUnfilteredBlocklist, rule.Location, what, $"{rule.Key} ({zone})",
                    "Add returncodes { SYMBOL = [\"127.0.0.2\", ...]; } with the list's listing codes, and " +
                    "unknown = false.");
                continue;
            }

            if (body["unknown"] is UclScalar { IsTrue: true } unknown)
            {
                findings.Report(Messages.AuditFilterMatchesError, unknown.Location, what, $"{rule.Key} ({zone})",
                    "127.255.255.254", "unknown = true counts every answer that is not in returncodes",
                    "Set unknown = false so only the listed return codes count.");
            }

            CheckReturnCodes(rule, body, zone, scores, findings);
        }
    }

    private static void CheckReturnCodes(
        UclEntry rule, UclObject body, string zone, Dictionary<string, double> scores, DiagnosticBag findings)
    {
        if (body["returncodes"] is not UclObject codes)
        {
            return;
        }

        foreach (var symbol in codes.Entries)
        {
            var values = symbol.Value switch
            {
                UclScalar s => [s],
                UclArray a => a.Items.OfType<UclScalar>(),
                _ => [],
            };
            foreach (var value in values)
            {
                var error = ErrorAnswers.All.FirstOrDefault(e => Model.ListingCodeRange.Format(e.Answer) == value.Text);
                if (error.Meaning is not null && scores.GetValueOrDefault(symbol.Key) > 0)
                {
                    findings.Report(Messages.AuditFilterMatchesError, value.Location, "Rspamd rbl rule",
                        $"{rule.Key} ({zone})", value.Text, error.Meaning,
                        $"Give {symbol.Key} the score 0 or map the error answer to a symbol of its own that scores 0.");
                }
            }
        }
    }

    // Collects the symbols that match a From address or header (forgeable on their own) and
    // those that match the client IP (evidence a sender cannot forge).
    private static void CheckMultimap(RspamdFile file, Dictionary<string, double> scores,
        HashSet<string> forgeable, HashSet<string> byClient, DiagnosticBag findings)
    {
        foreach (var rule in file.Root.Objects)
        {
            var body = (UclObject)rule.Value;
            var symbol = body.Text("symbol") ?? rule.Key;
            var type = body.Text("type")?.ToLowerInvariant();
            var action = body.Text("action");
            var what = $"Rspamd multimap rule '{symbol}'";
            if (string.Equals(action, "accept", StringComparison.OrdinalIgnoreCase))
            {
                findings.Report(Messages.AuditPassThrough, body["action"]!.Location, what,
                    "sets the pre-result 'accept', which ends the scan",
                    "Give the rule a negative score instead, so that blocklists, SPF, DKIM and DMARC still count; " +
                    "upstream discourages accept pre-results for allowlists.");
            }

            if (type == "ip")
            {
                byClient.Add(symbol);
            }

            var selector = body.Text("selector") ?? "";
            var byFrom = type is "from" or "header"
                || (type == "selector" && (selector.Contains("from", StringComparison.OrdinalIgnoreCase)
                    || selector.Contains("header", StringComparison.OrdinalIgnoreCase)));
            if (!byFrom)
            {
                continue;
            }

            forgeable.Add(symbol);
            var trusts = scores.GetValueOrDefault(symbol) < 0
                || string.Equals(action, "accept", StringComparison.OrdinalIgnoreCase);
            if (trusts && !RequiresAuth(body.Text("require_symbols")))
            {
                var map = body["map"] is UclScalar m ? $"the senders in '{m.Text}'" : "the senders it matches";
                var how = type == "header"
                    ? $"the '{body.Text("header") ?? "?"}' header alone"
                    : "the From address alone";
                findings.Report(Messages.AuditForgeableTrust, rule.Location, what, map, how,
                    "Give the rule score 0 and trust the sender in a composite that also needs R_SPF_ALLOW, " +
                    "DKIM_TRACE or DMARC_POLICY_ALLOW (as RuleForge's composites do), or add require_symbols.");
            }
        }
    }

    private static void CheckComposites(RspamdFile file, Dictionary<string, double> scores,
        HashSet<string> forgeable, HashSet<string> byClient, DiagnosticBag findings)
    {
        foreach (var rule in file.Root.Objects)
        {
            var body = (UclObject)rule.Value;
            var expression = body.Text("expression") ?? "";
            if (scores.GetValueOrDefault(rule.Key) >= 0)
            {
                continue;
            }

            var used = SymbolPattern().Matches(expression).Select(m => m.Groups["sym"].Value).ToList();
            var fromSymbols = used.Where(forgeable.Contains).Distinct().ToList();
            if (fromSymbols.Count > 0 && !Requires(expression, byClient))
            {
                findings.Report(Messages.AuditForgeableTrust, rule.Location, $"Rspamd composite '{rule.Key}'",
                    "the senders of " + string.Join(", ", fromSymbols), "a From address without SPF, DKIM or DMARC",
                    "Add R_SPF_ALLOW, DKIM_TRACE[domain:+] or DMARC_POLICY_ALLOW to the expression with '&'.");
            }
        }
    }

    /// <summary>True when an expression needs an authentication symbol (not negated).</summary>
    public static bool RequiresAuth(string? expression) => Requires(expression, AuthSymbols);

    private static bool Requires(string? expression, IReadOnlyCollection<string> symbols) =>
        expression is not null && SymbolPattern().Matches(expression)
            .Any(m => m.Groups["neg"].Value.Length == 0 && symbols.Contains(m.Groups["sym"].Value));

    [GeneratedRegex(@"(?<neg>[!-]?)\s*(?<sym>[A-Z][A-Z0-9_]*)")]
    private static partial Regex SymbolPattern();
}
