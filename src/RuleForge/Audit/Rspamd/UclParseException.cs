using RuleForge.Diagnostics;

namespace RuleForge.Audit.Rspamd;

/// <summary>A UCL syntax error at a position.</summary>
public sealed class UclParseException(string message, SourceLocation location) : Exception(message)
{
    /// <summary>Where the error is.</summary>
    public SourceLocation Location { get; } = location;
}
