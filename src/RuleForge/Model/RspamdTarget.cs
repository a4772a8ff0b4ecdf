namespace RuleForge.Model;

/// <summary>Rspamd settings: version and action thresholds (null: the action is not used).</summary>
public sealed record RspamdTarget(
    Version Version,
    double? Greylist,
    double? AddHeader,
    double? RewriteSubject,
    double Reject,
    IReadOnlyList<string> DisableStockRbls,
    string MapDirectory)
{
    /// <summary>The configured actions with their thresholds, mildest first.</summary>
    public IReadOnlyList<(string Action, double Threshold)> Actions =>
        new (string, double?)[]
        {
            ("greylist", Greylist), ("add_header", AddHeader),
            ("rewrite_subject", RewriteSubject), ("reject", Reject),
        }
        .Where(a => a.Item2 is not null)
        .Select(a => (a.Item1, a.Item2!.Value))
        .ToList();
}
