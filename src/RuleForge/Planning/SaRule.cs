namespace RuleForge.Planning;

/// <summary>
/// A SpamAssassin rule: kind (header, meta), name, definition as SpamAssassin reads it, and the
/// optional score, description and tflags. Names starting with __ are sub-rules without score.
/// </summary>
public sealed record SaRule(
    string Kind,
    string Name,
    string Definition,
    double? Score = null,
    string? Describe = null,
    string? Tflags = null);
