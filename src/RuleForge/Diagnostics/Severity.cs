namespace RuleForge.Diagnostics;

/// <summary>How bad a diagnostic is. Errors stop the pipeline before the next stage.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
