namespace RuleForge.Planning;

/// <summary>A welcomelist line: directive (welcomelist_auth, whitelist_auth, ...) and address pattern.</summary>
public sealed record SaWelcomelist(string SenderId, string Directive, string Pattern);
