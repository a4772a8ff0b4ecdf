using RuleForge.Diagnosis;
using RuleForge.Pipeline;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

/// <summary>
/// diagnose keeps only the content-filter symbols that can matter; a symbol it drops must be one
/// that <see cref="BlocklistNames.Classify"/> would not have reported anyway.
/// </summary>
public class SymbolFilterTests
{
    private static readonly string[] Names =
    [
        "RBL_SPAMHAUS_ZEN", "RBL_SPAMHAUS_BLOCKED_OPENRESOLVER", "RECEIVED_SPAMHAUS_PBL", "SPAMHAUS_ZEN_SBL",
        "RBL_SPAMCOP", "RBL_MAILSPIKE_BAD", "RBL_SENDERSCORE", "RBL_BLOCKLISTDE", "RBL_SEM", "RBL_NIXSPAM",
        "DBL_SPAM", "RCVD_IN_ZEN", "RCVD_IN_SBL_CSS", "RCVD_IN_XBL", "RCVD_IN_PBL", "RCVD_IN_BL_SPAMCOP_NET",
        "RCVD_IN_MSPIKE_BL", "RCVD_IN_PSBL", "RCVD_IN_SORBS_DUL", "URIBL_DBL_SPAM", "URIBL_BLOCKED",
        "MIME_GOOD", "R_SPF_ALLOW", "ARC_NA", "FROM_EQ_ENVFROM", "HTML_MESSAGE", "BAYES_99", "X", "RBL", "DBL",
        "MY_OWN_LIST", "RF_SPAMHAUS_ZEN", "RF_SPAMHAUS_ZEN_LISTED",
    ];

    private static readonly string[][] Options =
    [
        [],
        ["text/plain"],
        ["1.2.0.192.zen.spamhaus.org : 127.0.0.2"],
        ["4.3.2.1.bl.example.net : 127.0.0.4", "x"],
        ["example.org : 127.255.255.254"],
        ["192.0.2.1 : 10.0.0.1"],
    ];

    [Fact]
    public void EverySymbolClassifyReports_IsKept()
    {
        var plan = BuildPipeline.Prepare(Path.Combine(RepoPaths.Root, "rules", "efax.yaml"), "rules/efax.yaml",
            new PolicyDefaults()).Plan!;
        var names = new BlocklistNames(plan);
        var planned = (plan.Rspamd?.Blocklists ?? []).SelectMany(b => new[] { b.Symbol, b.ListedSymbol })
            .Concat((plan.SpamAssassin?.Scoring.Blocklists ?? []).Select(b => b.RuleName));
        var reported = 0;
        foreach (var name in Names.Concat(planned))
        {
            foreach (var options in Options)
            {
                var symbol = new ContentSymbol(name, 1, options);
                var kept = names.MayName(name, string.Join("; ", options));
                if (names.Classify(symbol) is not null)
                {
                    reported++;
                    Assert.True(kept, $"{name} {{{string.Join("; ", options)}}} is reported but not kept");
                }
            }
        }

        // The filter must also turn something down, or it saves nothing.
        Assert.False(names.MayName("MIME_GOOD", "text/plain"));
        Assert.True(reported > 50, $"only {reported} reported symbols were tried");
    }
}
