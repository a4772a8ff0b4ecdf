using System.CommandLine;
using RuleForge.Cli.Commands;

namespace RuleForge.Cli;

/// <summary>
/// The command line, runnable in-process: tests call <see cref="Run(string[], TextWriter, TextWriter)"/>
/// with their own writers.
/// Results go to <c>stdout</c>; diagnostics and progress to <c>stderr</c>.
/// </summary>
public static class CliApp
{
    /// <summary>Parses and runs a command; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliIo(stdout, stderr) { ErrorIsTerminal = IsTerminal(stderr) });

    /// <summary>
    /// Runs a command, saying whether <paramref name="stderr"/> is a terminal a person watches
    /// (source excerpts with carets, progress) or not (plain lines).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal) =>
        Run(args, new CliIo(stdout, stderr) { ErrorIsTerminal = stderrIsTerminal });

    /// <summary>
    /// As <see cref="Run(string[], TextWriter, TextWriter)"/>, with standard input from <paramref name="stdin"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin) =>
        Run(args, new CliIo(stdout, stderr) { OpenInput = stdin, ErrorIsTerminal = IsTerminal(stderr) });

    /// <summary>Parses and runs a command with standard input and raw output streams given.</summary>
    public static int Run(string[] args, CliIo io)
    {
        var (stdout, stderr) = (io.Out, io.Error);
        var root = new RootCommand(
            "RuleForge: compile a mail-filter trust policy for Postfix, Rspamd and SpamAssassin.");
        root.Subcommands.Add(ValidateCommand.Create(io));
        root.Subcommands.Add(BuildCommand.Create(io));
        root.Subcommands.Add(VerifyCommand.Create(io));
        root.Subcommands.Add(ExplainCommand.Create(io));
        root.Subcommands.Add(CheckCommand.CreateCheck(io));
        root.Subcommands.Add(CheckCommand.CreateDiff(io));
        root.Subcommands.Add(SpfCommand.Create(io));
        root.Subcommands.Add(DnsblCommand.Create(io));
        root.Subcommands.Add(LockCommand.Create(io));
        root.Subcommands.Add(FeedCommand.Create(io));
        root.Subcommands.Add(SchemaCommand.Create(io));
        root.Subcommands.Add(RangesCommand.Create(io));
        root.Subcommands.Add(AuditCommand.Create(io));
        root.Subcommands.Add(DiagnoseCommand.Create(io));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"ruleforge: {error.Message}");
            }

            stderr.WriteLine("Run 'ruleforge --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var invocation = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            };
            return parsed.Invoke(invocation);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"ruleforge: internal error: {e.Message}");
            if (args.Contains("--verbose"))
            {
                stderr.WriteLine(e.ToString());
            }
            else
            {
                stderr.WriteLine("This is a bug in RuleForge; run again with --verbose and report the output.");
            }

            return ExitCodes.Internal;
        }
    }

    /// <summary>
    /// True when <paramref name="stderr"/> is the console's own stderr, the console does not
    /// redirect it, and no CI system says it runs us (some attach a pseudo-terminal).
    /// </summary>
    public static bool IsTerminal(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error)
        && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
