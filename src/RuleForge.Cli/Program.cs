namespace RuleForge.Cli;

/// <summary>Entry point: a thin shell over <see cref="CliApp"/>.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args)
    {
        // Note: standard input is opened only by a command given '-' (CliIo.OpenInput): opening it at
        // start aborted the native build when the caller had closed it, whatever the command.
        using var stdout = Console.OpenStandardOutput();
        var io = new CliIo(Console.Out, Console.Error, null, stdout)
        {
            ErrorIsTerminal = CliApp.IsTerminal(Console.Error),
        };
        return CliApp.Run(args, io);
    }
}
