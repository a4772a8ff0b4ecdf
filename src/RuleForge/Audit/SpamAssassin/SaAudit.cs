using System.Globalization;
using System.Text.RegularExpressions;
using RuleForge.Diagnostics;

namespace RuleForge.Audit.SpamAssassin;

/// <summary>
/// The SpamAssassin checks: DNSBL rules without a sub-test (check_rbl and friends, urirhsbl,
/// uridnsbl, askdns), sub-tests and masks that accept error answers, and whitelist_from-style
/// trust that any sender can forge.
/// </summary>
public static partial class SaAudit
{
    private static readonly HashSet<string> Forgeable = new(StringComparer.Ordinal)
    {
        "whitelist_from", "welcomelist_from", "def_whitelist_from", "def_welcomelist_from",
    };

    /// <summary>Audits every directive.</summary>
    public static void Audit(SaDeployment deployment, DiagnosticBag findings)
    {
        var scores = Scores(deployment);
        foreach (var line in deployment.Lines)
        {
            if (Forgeable.Contains(line.Keyword))
            {
                findings.Report(Messages.AuditForgeableTrust, line.Location, $"'{line.Keyword}'", $"'{line.Rest}'",
                    "the From address alone",
                    "Use welcomelist_auth (SpamAssassin 4; whitelist_auth in 3.4), which needs SPF or DKIM to " +
                    "pass, or welcomelist_from_rcvd with the sender's relay domain.");
                continue;
            }

            var (name, value) = line.NameAndValue();
            if (name.StartsWith("__", StringComparison.Ordinal) || Score(scores, name) == 0)
            {
                continue;
            }

            switch (line.Keyword)
            {
                case "header" when EvalPattern().Match(value) is { Success: true } eval:
                    CheckEval(line, name, eval.Groups["fn"].Value, Arguments(eval.Groups["args"].Value), findings);
                    break;
                case "urirhsbl" or "uridnsbl":
                    Unfiltered(line, $"{name} ({value.Split(' ')[0]})", findings);
                    break;
                case "urirhssub":
                    var words = value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length >= 3)
                    {
                        CheckSubtest(line, $"{name} ({words[0]})", words[2], findings);
                    }

                    break;
                case "askdns":
                    var ask = value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    if (ask.Length == 2 && ask[1] == "A")
                    {
                        Unfiltered(line, $"{name} ({ask[0]})", findings);
                    }
                    else if (ask.Length >= 3 && ask[1] == "A")
                    {
                        CheckSubtest(line, $"{name} ({ask[0]})", ask[2], findings);
                    }

                    break;
            }
        }
    }

    private static void CheckEval(SaLine line, string name, string function, List<string> args, DiagnosticBag findings)
    {
        if (function == "check_rbl_sub")
        {
            if (args.Count >= 2)
            {
                CheckSubtest(line, $"{name} ({args[0]})", args[1], findings);
            }

            return;
        }

        if (function is "check_rbl_headers" or "check_rbl_ns_from" || args.Count < 2)
        {
            return;
        }

        var what = $"{name} ({args[1].TrimEnd('.')})";
        if (args.Count < 3)
        {
            Unfiltered(line, what, findings);
        }
        else
        {
            CheckSubtest(line, what, args[2], findings);
        }
    }

    private static void Unfiltered(SaLine line, string what, DiagnosticBag findings) =>
        findings.Report(Messages.AuditUnfilteredBlocklist, line.Location, $"SpamAssassin rule", what,
            "Query the list in a __ rule and score a check_rbl_sub rule whose sub-test holds only the listing " +
            "codes, such as '^127\\.0\\.0\\.(?:[2-9]|1[01])$' (urirhssub: give the listing code, not a mask).");

    private static void CheckSubtest(SaLine line, string what, string subtest, DiagnosticBag findings)
    {
        if (ErrorAnswers.FirstMatch(a => SaSubtest.Matches(subtest, a) == true) is { } error)
        {
            findings.Report(Messages.AuditFilterMatchesError, line.Location, "SpamAssassin rule", what,
                error.Answer, error.Meaning,
                $"The sub-test '{subtest}' lets the error answer through (a number is a bit mask); list the " +
                "listing codes themselves.");
        }
    }

    /// <summary>
    /// The scored DNSBL rules of the site (check_rbl with a sub-test, and check_rbl_sub on a set
    /// that a check_rbl names), with the zone each queries.
    /// </summary>
    public static IReadOnlyList<SaBlocklistRule> Blocklists(SaDeployment deployment)
    {
        var scores = Scores(deployment);
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        var rules = new List<(string Name, string Function, List<string> Args, SaLine Line)>();
        foreach (var line in deployment.Lines.Where(l => l.Keyword == "header"))
        {
            var (name, value) = line.NameAndValue();
            if (EvalPattern().Match(value) is not { Success: true } eval)
            {
                continue;
            }

            var args = Arguments(eval.Groups["args"].Value);
            var function = eval.Groups["fn"].Value;
            if (function != "check_rbl_sub" && function != "check_rbl_headers" && args.Count >= 2)
            {
                zones.TryAdd(args[0], args[1].TrimEnd('.'));
            }

            rules.Add((name, function, args, line));
        }

        var result = new List<SaBlocklistRule>();
        var scored = rules.Where(r => !r.Name.StartsWith("__", StringComparison.Ordinal));
        foreach (var (name, function, args, line) in scored)
        {
            var zone = function == "check_rbl_sub"
                ? (args.Count > 0 ? zones.GetValueOrDefault(args[0]) : null)
                : args.Count >= 2 && function != "check_rbl_headers" ? args[1].TrimEnd('.') : null;
            if (zone is not null && Score(scores, name) is var score and > 0)
            {
                result.Add(new SaBlocklistRule(name, zone, score, line.Location));
            }
        }

        return result;
    }

    /// <summary>The last required_score the site sets, or null.</summary>
    public static double? RequiredScore(SaDeployment deployment) =>
        deployment.Lines.LastOrDefault(l => l.Keyword == "required_score") is { } line
        && double.TryParse(line.Rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static Dictionary<string, double> Scores(SaDeployment deployment)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in deployment.Lines.Where(l => l.Keyword == "score"))
        {
            var (name, value) = line.NameAndValue();
            var numbers = value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .ToList();
            scores[name] = numbers.Count == 0 ? 0 : numbers.MaxBy(Math.Abs);
        }

        return scores;
    }

    // Note: a rule without a score line scores 1 in SpamAssassin.
    private static double Score(Dictionary<string, double> scores, string name) => scores.GetValueOrDefault(name, 1);

    private static List<string> Arguments(string text) =>
        ArgumentPattern().Matches(text).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["d"].Value)
            .ToList();

    [GeneratedRegex(@"^eval:(?<fn>check_rbl\w*)\s*\((?<args>.*)\)\s*$")]
    private static partial Regex EvalPattern();

    [GeneratedRegex(@"'(?<q>(?:[^'\\]|\\.)*)'|""(?<d>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ArgumentPattern();
}
