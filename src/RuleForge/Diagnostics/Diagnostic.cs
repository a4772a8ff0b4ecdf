namespace RuleForge.Diagnostics;

/// <summary>
/// One problem found by a pipeline stage: a stable code, where it is, what is wrong in the
/// user's words, and what to do about it.
/// </summary>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    SourceLocation Location,
    string Message,
    string? Hint)
{
    /// <summary>Formats as <c>file:line:col: error RF1234: message</c>, for editors and CI.</summary>
    public string Headline =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";

    /// <inheritdoc />
    public override string ToString() => Hint is null ? Headline : $"{Headline}\n  hint: {Hint}";
}
