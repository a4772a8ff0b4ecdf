namespace RuleForge.Diagnosis;

/// <summary>
/// Tells whether a content-filter symbol, by its name and the text of its options, can matter to
/// diagnose; symbols it turns down are parsed but not kept.
/// </summary>
public delegate bool SymbolFilter(ReadOnlySpan<char> name, ReadOnlySpan<char> options);
