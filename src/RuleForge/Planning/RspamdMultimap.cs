namespace RuleForge.Planning;

/// <summary>
/// A multimap rule. Type "ip" matches the client IP against a radix map; "from" matches the
/// SMTP envelope sender's domain; "header" matches a header's address domain.
/// </summary>
public sealed record RspamdMultimap(
    string Symbol,
    string Type,
    string MapFile,
    double Score,
    string Description,
    string? Header = null,
    string? Filter = null);
