using RuleForge.Diagnostics;
using RuleForge.Net;

namespace RuleForge.Audit.Postfix;

/// <summary>One entry of a lookup table: its key as a network (when it is one), its result, where it is.</summary>
public sealed record PostfixTableEntry(string Key, IpNetwork? Network, string Value, SourceLocation Location);
