namespace RuleForge.Audit.Rspamd;

/// <summary>
/// Symbol scores the site sets: in multimap and composite rules, and in groups.conf and
/// *_group.conf symbol blocks.
/// </summary>
public static class RspamdScores
{
    private static readonly string[] RuleFiles = ["multimap.conf", "composites.conf"];

    /// <summary>Every symbol score found, by symbol name.</summary>
    public static Dictionary<string, double> Collect(RspamdDeployment deployment)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var file in RuleFiles.Select(n => deployment[n]).OfType<RspamdFile>())
        {
            foreach (var rule in file.Root.Objects)
            {
                var o = (UclObject)rule.Value;
                if (o["score"] is UclScalar { Number: { } score })
                {
                    scores[o.Text("symbol") ?? rule.Key] = score;
                }
            }
        }

        foreach (var file in deployment.Files.Where(f => f.Name.EndsWith("group.conf", StringComparison.Ordinal)
                     || f.Name == "groups.conf"))
        {
            Symbols(file.Root, scores);
            foreach (var group in GroupBodies(file.Root))
            {
                Symbols(group, scores);
            }
        }

        return scores;
    }

    private static IEnumerable<UclObject> GroupBodies(UclObject root) =>
        root.Entries.Where(e => e.Key == "group" && e.Value is UclObject)
            .SelectMany(e => ((UclObject)e.Value).Objects.Select(g => (UclObject)g.Value));

    private static void Symbols(UclObject owner, Dictionary<string, double> scores)
    {
        foreach (var block in owner.Entries.Where(e => e.Key == "symbols" && e.Value is UclObject))
        {
            foreach (var symbol in ((UclObject)block.Value).Objects)
            {
                var body = (UclObject)symbol.Value;
                if ((body["weight"] ?? body["score"]) is UclScalar { Number: { } weight })
                {
                    scores[symbol.Key] = weight;
                }
            }
        }
    }
}
