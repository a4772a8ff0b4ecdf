namespace RuleForge.Diagnosis;

/// <summary>A log to read: the name diagnostics use for it and how to open it.</summary>
public sealed record LogInput(string DisplayName, Func<Stream> Open);
