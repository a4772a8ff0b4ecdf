using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>
/// A master.cf service: its name (for inet services the port or host:port), type, command and
/// the -o parameter overrides that apply to it only.
/// </summary>
public sealed record PostfixService(
    string Name,
    string Type,
    string Command,
    IReadOnlyDictionary<string, PostfixParameter> Overrides,
    SourceLocation Location)
{
    /// <summary>How findings name the service.</summary>
    public string Label => $"service '{Name}' ({Type} {Command})";
}
