using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Planning;
using RuleForge.Proof;
using RuleForge.Resolution;
using Bar = (string Label, string ValueText,
    System.Collections.Generic.IReadOnlyList<(string Label, double From, double To, string Kind)> Segments);
using Marker = (string Label, double Value, string Kind);
using Segment = (string Label, double From, double To, string Kind);

namespace RuleForge.Rendering.Html;

/// <summary>
/// Arranges a proven plan for the HTML report: per sender and target, the same numbers the proof
/// compares (worst-case blocklist sum plus margin, each trust rule's credit, the result, the
/// action thresholds), laid out as charts.
/// </summary>
public static class HtmlReportBuilder
{
    /// <summary>The report model for a plan, its proof, the feed selections and the build's warnings.</summary>
    public static HtmlReport Build(
        BuildPlan plan, ProofResult proof, IReadOnlyList<SelectionReport> selections,
        IReadOnlyList<Diagnostic> warnings)
    {
        // Note: the obligations and trust rules are grouped by sender once; filtering the whole
        // list for every sender grows as senders squared.
        var obligations = proof.Obligations.ToLookup(o => (o.SenderId, o.Target));
        var trusts = plan.ContentScorings
            .Select(s => (s, s.Trusts.ToLookup(t => t.SenderId, StringComparer.Ordinal)))
            .ToList();
        var senders = plan.Policy.Senders
            .Select(s => new SenderReport(s, Targets(plan, obligations, trusts, s).ToList(), Ranges(s)))
            .ToList();
        return new HtmlReport(plan, proof, senders, warnings, selections);
    }

    private static IEnumerable<TargetReport> Targets(
        BuildPlan plan, ILookup<(string SenderId, string Target), Obligation> bySenderAndTarget,
        List<(ContentScoring Scoring, ILookup<string, ScoredTrust> BySender)> trusts, TrustedSender sender)
    {
        List<Obligation> Of(string target) => bySenderAndTarget[(sender.Id, target)].ToList();

        if (plan.Postfix is { } postfix)
        {
            var obligations = Of("postfix");
            yield return postfix.Postscreen is { } ps
                ? Postscreen(sender, ps, obligations)
                : new TargetReport("postfix", null,
                    "Postscreen is not used: no DNSBL weights to add up at connect. " +
                    "At RCPT the order decides; see the restriction order.", obligations);
        }

        foreach (var (scoring, bySender) in trusts)
        {
            yield return Content(plan.Policy, sender, scoring, bySender[sender.Id], Of(scoring.Target));
        }
    }

    private static TargetReport Postscreen(TrustedSender sender, PostscreenPlan ps, List<Obligation> obligations)
    {
        var total = ps.Sites.Sum(s => s.Weight);
        var worst = Stack(ps.Sites.Select(s => ($"{s.BlocklistId} weight {s.Weight}", (double)s.Weight)), "blocklist");
        var connect = obligations.Where(o => o.Stage.StartsWith("connect", StringComparison.Ordinal)).ToList();
        var failed = connect.Any(o => o.Status == ObligationStatus.Failed);
        var permitted = connect.Any(o => o.Status == ObligationStatus.Proven) && !failed;
        var score = permitted ? 0 : total;
        var senderText = permitted ? "0 (permitted)" : $"{total}";
        var kind = score >= ps.Threshold ? "fail" : "pass";
        var bars = new List<Bar>
        {
            ("worst case: every site", $"{total}", worst),
            ($"{sender.Id} at connect", senderText, [($"{sender.Id}: {senderText}", 0, score, kind)]),
        };
        var markers = new List<Marker> { ($"threshold {ps.Threshold}", ps.Threshold, "lowest") };
        var caption = permitted
            ? $"Every listed DNSBL site together weighs {total} against the postscreen threshold " +
              $"{ps.Threshold}; the sender's ranges are permitted in {ps.AccessTable.FileName} before the test."
            : $"Every listed DNSBL site together weighs {total} against the postscreen threshold {ps.Threshold}.";
        var chart = ChartLayout.Lay(bars, markers, $"postfix postscreen for {sender.Id}: {caption}");
        return new TargetReport("postfix", chart, caption, obligations);
    }

    private static TargetReport Content(
        Policy policy, TrustedSender sender, ContentScoring scoring, IEnumerable<ScoredTrust> senderTrusts,
        List<Obligation> obligations)
    {
        var worst = scoring.Blocklists.Sum(b => b.Score) + policy.Margin;
        var parts = scoring.Blocklists.Select(b => ($"{b.RuleName} {N(b.Score)}", b.Score))
            .ToList();
        var segments = Stack(parts, "blocklist");
        if (policy.Margin > 0)
        {
            var from = worst - policy.Margin;
            segments.Add(($"margin {N(policy.Margin)}", from, worst, "margin"));
        }

        var (lowestAction, lowest) = scoring.Thresholds.MinBy(t => t.Threshold);
        var bars = new List<Bar>
        {
            ("worst case + margin", N(worst), segments),
        };
        foreach (var trust in senderTrusts)
        {
            var credit = -trust.Score;
            var result = worst + trust.Score;
            var how = RankingProof.Describe(trust.Mechanism);
            bars.Add(($"credit {trust.RuleName}", N(credit),
                [($"{trust.RuleName} ({how}): credit {N(credit)}", 0, credit, "credit")]));
            var sum = $"worst case {N(worst)} + {N(trust.Score)} = {N(result)}";
            bars.Add(($"result with {trust.RuleName}", N(result),
                [(sum, Math.Min(0, result), Math.Max(0, result), result < lowest ? "pass" : "fail")]));
        }

        var markers = scoring.Thresholds
            .OrderBy(t => t.Threshold)
            .Select(t => ($"{t.Action} {N(t.Threshold)}", t.Threshold,
                t.Action == lowestAction ? "lowest" : "threshold"))
            .ToList();
        var caption = $"Worst case: every blocklist fires ({N(worst - policy.Margin)}) plus margin " +
            $"{N(policy.Margin)} = {N(worst)}. Each trust rule's result must stay below the lowest action, " +
            $"{lowestAction} at {N(lowest)}.";
        var chart = ChartLayout.Lay(bars, markers, $"{scoring.Target} scores for {sender.Id}: {caption}");
        return new TargetReport(scoring.Target, chart, caption, obligations);
    }

    private static List<Segment> Stack(IEnumerable<(string Label, double Value)> parts, string kind)
    {
        var segments = new List<Segment>();
        var at = 0.0;
        foreach (var (label, value) in parts)
        {
            segments.Add((label, at, at + value, kind));
            at += value;
        }

        return segments;
    }

    private static List<RangeRow> Ranges(TrustedSender sender) =>
        sender.Ranges is null
            ? []
            : sender.Ranges.Sources
                .Select(s => new RangeRow(s.Network.ToString(), KindOf(s.Origin), s.Origin))
                .ToList();

    private static string KindOf(string origin) => origin switch
    {
        "inline" => "inline",
        _ when origin.StartsWith("feed ", StringComparison.Ordinal) => "feed",
        _ when origin.StartsWith("spf ", StringComparison.Ordinal) => "spf",
        _ => "other",
    };

    private static string N(double value) => TextEscaping.Number(value);
}
