using System.Globalization;

namespace RuleForge.Diagnostics;

/// <summary>
/// A catalog entry: a stable code, a severity, and composite-format texts for the message and
/// the hint. Arguments are quoted by the caller where they are user input.
/// </summary>
public sealed record MessageTemplate(string Code, Severity Severity, string Message, string? Hint)
{
    /// <summary>Makes a diagnostic at a location with the given format arguments.</summary>
    public Diagnostic At(SourceLocation location, params object[] args) => new(
        Code,
        Severity,
        location,
        string.Format(CultureInfo.InvariantCulture, Message, args),
        Hint is null ? null : string.Format(CultureInfo.InvariantCulture, Hint, args));
}
