namespace RuleForge.Tests.Audit;

/// <summary>One finding as the audit's JSON output reports it.</summary>
public sealed record AuditFinding(string Code, string Severity, string File, int Line, int Column, string Message);
