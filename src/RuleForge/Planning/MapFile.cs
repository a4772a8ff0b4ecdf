namespace RuleForge.Planning;

/// <summary>A one-value-per-line map file, each line with a comment saying where it came from.</summary>
public sealed record MapFile(string FileName, string Purpose, IReadOnlyList<TableEntry> Lines);
