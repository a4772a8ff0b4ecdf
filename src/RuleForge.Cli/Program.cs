namespace RuleForge.Cli;

/// <summary>Entry point: a thin shell over <see cref="CliApp"/>.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args)
    {
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        var io = new CliIo(Console.Out, Console.Error, stdin, stdout)
        {
            ErrorIsTerminal = CliApp.IsTerminal(Console.Error),
        };
        return CliApp.Run(args, io);
    }
}
