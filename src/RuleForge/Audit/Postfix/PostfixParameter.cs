using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>A main.cf parameter or a master.cf -o override, with where it was set.</summary>
public sealed record PostfixParameter(string Name, PositionedText Value, SourceLocation Location);
