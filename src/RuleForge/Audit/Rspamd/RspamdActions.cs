namespace RuleForge.Audit.Rspamd;

/// <summary>The action thresholds of the deployment's actions.conf (override.d before local.d).</summary>
public static class RspamdActions
{
    private static readonly string[] Scored = ["greylist", "add_header", "rewrite_subject", "reject"];

    /// <summary>
    /// Each enabled action and its threshold, or null when the site has no actions.conf (the
    /// policy's own thresholds then stand). An action set to null is off.
    /// </summary>
    public static IReadOnlyList<(string Action, double Threshold)>? Thresholds(RspamdDeployment deployment)
    {
        if (deployment["actions.conf"]?.Root is not { } root)
        {
            return null;
        }

        var thresholds = new List<(string, double)>();
        foreach (var action in Scored)
        {
            var value = root[action] switch
            {
                UclScalar s => s.Number,
                UclObject o => (o["score"] as UclScalar)?.Number,
                _ => null,
            };
            if (value is { } v)
            {
                thresholds.Add((action, v));
            }
        }

        return thresholds.Count > 0 ? thresholds : null;
    }
}
