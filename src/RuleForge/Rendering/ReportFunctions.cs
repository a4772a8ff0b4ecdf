using RuleForge.Model;
using RuleForge.Planning;
using RuleForge.Proof;

namespace RuleForge.Rendering;

/// <summary>Wording helpers for the proof report; Scriban names them in snake_case.</summary>
public static class ReportFunctions
{
    /// <summary>Free text made safe for a Markdown table cell.</summary>
    public static string Md(string? text) => TextEscaping.Comment(text)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    public static int ProvenCount(ProofResult proof) => Count(proof, ObligationStatus.Proven);

    public static int FailedCount(ProofResult proof) => Count(proof, ObligationStatus.Failed);

    public static int NaCount(ProofResult proof) => Count(proof, ObligationStatus.NotApplicable);

    public static string DescribeAuth(AuthenticationRequirement? auth)
    {
        if (auth is null)
        {
            return "none";
        }

        var checks = auth.Checks.Select(c => c switch
        {
            "dkim" when auth.DkimAligned => "DKIM (aligned)",
            "dkim" => $"DKIM (signed by {string.Join(", ", auth.DkimDomains!)})",
            _ => c.ToUpperInvariant(),
        });
        return (auth.RequireAll ? "all of " : "any of ") + string.Join(", ", checks);
    }

    public static string DescribeRanges(RangeTrust? ranges)
    {
        if (ranges is null)
        {
            return "none";
        }

        var v4 = ranges.Networks.Count(n => n.Family == Net.IpFamily.V4);
        var v6 = ranges.Networks.Count - v4;
        var condition = ranges.EnvelopeDomainRequired ? ", with envelope domain" : "";
        return $"{v4} IPv4 and {v6} IPv6 networks{condition}";
    }

    public static string DescribeLookup(BlocklistLookup lookup) =>
        lookup == BlocklistLookup.ClientIp ? "client IP" : "envelope sender domain";

    public static string DescribeMechanism(TrustMechanism mechanism) => RankingProof.Describe(mechanism);

    private static int Count(ProofResult proof, ObligationStatus status) =>
        proof.Obligations.Count(o => o.Status == status);
}
