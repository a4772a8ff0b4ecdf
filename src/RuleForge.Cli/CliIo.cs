namespace RuleForge.Cli;

/// <summary>The writers a command prints to.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error);
