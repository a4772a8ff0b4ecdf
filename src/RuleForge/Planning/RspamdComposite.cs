namespace RuleForge.Planning;

/// <summary>A composite symbol; policy "leave" keeps the scores of the symbols it combines.</summary>
public sealed record RspamdComposite(string Symbol, string Expression, double Score, string Description);
