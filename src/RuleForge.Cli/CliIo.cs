namespace RuleForge.Cli;

/// <summary>The writers a command prints to, and where it reads standard input from ("-").</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error)
{
    /// <summary>Opens standard input as bytes; tests give their own stream.</summary>
    public Func<Stream> OpenInput { get; init; } = Console.OpenStandardInput;
}
