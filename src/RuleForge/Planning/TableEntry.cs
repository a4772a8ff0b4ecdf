namespace RuleForge.Planning;

/// <summary>One key and result in a lookup table, with where the key came from.</summary>
public sealed record TableEntry(string Key, string Value, string Comment);
