namespace RuleForge.Explanation;

/// <summary>
/// A content filter's view: the RuleForge rules that fire with their scores, their sum, and the
/// action that sum reaches (Rspamd: the harshest action at or below it; SpamAssassin: spam or ham).
/// </summary>
public sealed record ContentVerdict(
    string Target,
    IReadOnlyList<(string Rule, double Score)> Rules,
    double Score,
    string Action,
    string Reason);
