namespace RuleForge.Planning;

/// <summary>
/// A whitelist-module rule with valid_dkim: fires when a valid DKIM signature comes from one
/// of the (organisational) domains. Scored 0; composites give the credit.
/// </summary>
public sealed record RspamdDkimRule(string Symbol, IReadOnlyList<string> Domains, string Description);
