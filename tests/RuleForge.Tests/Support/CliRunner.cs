using RuleForge.Cli;

namespace RuleForge.Tests.Support;

/// <summary>Runs the ruleforge command line in-process.</summary>
public static class CliRunner
{
    /// <summary>Runs with the given arguments and captures exit code, stdout and stderr.</summary>
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <paramref name="stdin"/> as standard input (UTF-8).</summary>
    public static CliResult RunWithInput(string stdin, params string[] args) =>
        RunWithInput(System.Text.Encoding.UTF8.GetBytes(stdin), args);

    /// <summary>As <see cref="Run"/>, with <paramref name="stdin"/> as standard input.</summary>
    public static CliResult RunWithInput(byte[] stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new MemoryStream(stdin, writable: false);
        var exit = CliApp.Run(args, new CliIo(stdout, stderr, input));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs as if stderr were (or were not) a terminal a person watches.</summary>
    public static CliResult RunAt(bool terminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr, terminal);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
