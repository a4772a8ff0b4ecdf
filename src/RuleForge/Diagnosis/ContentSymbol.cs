namespace RuleForge.Diagnosis;

/// <summary>A symbol or rule a content filter reports, with its score and options when logged.</summary>
public sealed record ContentSymbol(string Name, double? Score, IReadOnlyList<string> Options);
