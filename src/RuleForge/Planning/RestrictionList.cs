namespace RuleForge.Planning;

/// <summary>An smtpd restriction list (a main.cf parameter) and its entries in order.</summary>
public sealed record RestrictionList(string Name, IReadOnlyList<Restriction> Entries);
