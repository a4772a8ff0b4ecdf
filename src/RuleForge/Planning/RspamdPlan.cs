namespace RuleForge.Planning;

/// <summary>Everything the Rspamd templates print, already decided.</summary>
/// <param name="MapDirectory">How configuration files refer to the maps, e.g.
/// ${LOCAL_CONFDIR}/local.d/ruleforge.</param>
/// <param name="Maps">Map files to write under rspamd/local.d/ruleforge/.</param>
/// <param name="Multimaps">multimap rules: client ranges and sender domains.</param>
/// <param name="Composites">Trust rules that combine evidence, with their credit.</param>
/// <param name="Blocklists">rbl module rules with explicit listing codes.</param>
/// <param name="DisabledStockRbls">Stock rbl rules the policy turns off.</param>
/// <param name="Actions">Action thresholds, mildest first.</param>
/// <param name="Scoring">What the proof checks.</param>
public sealed record RspamdPlan(
    string MapDirectory,
    IReadOnlyList<MapFile> Maps,
    IReadOnlyList<RspamdMultimap> Multimaps,
    IReadOnlyList<RspamdComposite> Composites,
    IReadOnlyList<RspamdBlocklist> Blocklists,
    IReadOnlyList<string> DisabledStockRbls,
    IReadOnlyList<ActionThreshold> Actions,
    ContentScoring Scoring);
