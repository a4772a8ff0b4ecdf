using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Feeds;

/// <summary>rules/efax.yaml reads a feed shape nobody publishes with the generic reader.</summary>
public class EfaxSelectionReportTests
{
    [Fact]
    public void Efax_GenericFeed_BuildsAndProves_AndProofJsonReportsTheSelection()
    {
        var built = BuiltPolicy.FromRules("efax.yaml");

        using var proof = JsonDocument.Parse(built["proof.json"]);
        var selection = Assert.Single(proof.RootElement.GetProperty("feedSelections").EnumerateArray());
        Assert.Equal("efax", selection.GetProperty("sender").GetString());
        Assert.Equal("efax-egress", selection.GetProperty("feed").GetString());
        Assert.Equal(7, selection.GetProperty("rowsRead").GetInt32());
        Assert.Equal(
            [("service in fax-smtp", 4), ("region in [us-west, us-east]", 3)],
            selection.GetProperty("filters").EnumerateArray()
                .Select(f => (f.GetProperty("condition").GetString(), f.GetProperty("rowsKept").GetInt32())));
        Assert.Equal(5, selection.GetProperty("cidrsBefore").GetInt32());
        Assert.Equal(4, selection.GetProperty("cidrsAfter").GetInt32());
        Assert.Equal("128", selection.GetProperty("addressesIpv4").GetString());
        Assert.Contains("the proof holds", built["proof.md"], StringComparison.Ordinal);
        Assert.Contains("efax from feed efax-egress: 7 rows read.\n- service in fax-smtp: 4 rows kept\n",
            built["proof.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInShapes_RecognisedAndSubtracted_BuildAndProve()
    {
        var efax = File.ReadAllText(Path.Combine(RepoPaths.Rules, "efax.yaml"));
        var policy = efax
            .Replace("""
                  - id: efax-egress
                    file: feeds/efax-egress.json
                    shape: generic
                    items: egress
                    cidr_field: prefixes
                """, $"""
                  - id: goog
                    file: {FeedInputs.PathOf("google-goog.json")}
                  - id: cloud
                    file: {FeedInputs.PathOf("google-cloud.json")}
                """, StringComparison.Ordinal)
            .Replace("""
                        - feed: efax-egress
                          where:
                            service: fax-smtp
                            region: [us-west, us-east]
                """, """
                        - feed: goog
                          except: [ { feed: cloud } ]
                """, StringComparison.Ordinal);
        Assert.NotEqual(efax, policy);

        var built = BuiltPolicy.FromText(policy);

        Assert.Contains("the proof holds", built["proof.md"], StringComparison.Ordinal);
        Assert.Equal(["192.0.2.0/24", "198.51.100.128/25", "2001:db8::/33"],
            built.Plan.Policy.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
        using var proof = JsonDocument.Parse(built["proof.json"]);
        var filters = proof.RootElement.GetProperty("feedSelections")[0].GetProperty("filters");
        Assert.Equal("rows left after except", filters[1].GetProperty("condition").GetString());
    }
}
