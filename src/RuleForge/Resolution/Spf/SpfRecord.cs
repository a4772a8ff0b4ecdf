namespace RuleForge.Resolution.Spf;

/// <summary>A parsed <c>v=spf1</c> record; <see cref="Errors"/> is empty when it is valid.</summary>
/// <param name="Text">The record as published, strings joined.</param>
/// <param name="Terms">The mechanisms, in record order.</param>
/// <param name="Modifiers">Every modifier, in record order.</param>
/// <param name="Errors">Syntax errors, each naming the term; receivers permerror on any.</param>
public sealed record SpfRecord(
    string Text,
    IReadOnlyList<SpfTerm> Terms,
    IReadOnlyList<SpfModifier> Modifiers,
    IReadOnlyList<string> Errors)
{
    /// <summary>The redirect modifier, or null.</summary>
    public SpfModifier? Redirect => Modifiers.FirstOrDefault(m => m.Name == "redirect");
}
