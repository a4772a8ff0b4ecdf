namespace RuleForge.Cli;

/// <summary>
/// The writers a command prints to. <paramref name="In"/> is standard input as bytes, and
/// <paramref name="RawOut"/> standard output as bytes for commands that print millions of lines
/// (in-process runs leave it out and those commands write through <paramref name="Out"/>).
/// </summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, Stream? In = null, Stream? RawOut = null)
{
    /// <summary>Opens standard input ("-") as bytes: <see cref="In"/> when given, else the console's.</summary>
    public Func<Stream> OpenInput { get; init; } = () => In ?? Console.OpenStandardInput();

    /// <summary>
    /// True when a person watches <see cref="Error"/> (a terminal, not a CI log, a pipe or a
    /// test's writer): diagnostics then show source lines with carets, and long work shows progress.
    /// </summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>
    /// The files this run read, by the name diagnostics give them (display path to full path), so
    /// a source excerpt can find a policy outside the working folder.
    /// </summary>
    public Dictionary<string, string> SourceFiles { get; } = new(StringComparer.Ordinal);
}
