namespace RuleForge.Planning;

/// <summary>Postscreen: the access table of trusted ranges and the weighted DNSBL sites.</summary>
/// <param name="AccessTable">cidr table whose entries permit trusted ranges before DNSBL tests.</param>
/// <param name="Sites">postscreen_dnsbl_sites entries, in policy order.</param>
public sealed record PostscreenPlan(
    LookupTable AccessTable,
    IReadOnlyList<PostscreenSite> Sites,
    int Threshold,
    string Action,
    bool AllowlistSpelling);
