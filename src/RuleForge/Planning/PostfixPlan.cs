namespace RuleForge.Planning;

/// <summary>
/// Everything the Postfix templates print, already ordered. The proof checks this plan, so the
/// order here is the order that is proven.
/// </summary>
/// <param name="TableDirectory">Where the lookup tables are installed.</param>
/// <param name="RestrictionLists">smtpd restriction lists that RuleForge sets, in main.cf order.</param>
/// <param name="Classes">smtpd restriction classes (client range plus envelope sender domain).</param>
/// <param name="Tables">Lookup tables to write, by file name.</param>
/// <param name="Postscreen">Postscreen settings, or null when postscreen is not used.</param>
public sealed record PostfixPlan(
    string TableDirectory,
    IReadOnlyList<RestrictionList> RestrictionLists,
    IReadOnlyList<RestrictionClass> Classes,
    IReadOnlyList<LookupTable> Tables,
    PostscreenPlan? Postscreen);
