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

    /// <summary>As <see cref="Run"/>, with <paramref name="stdin"/> as standard input.</summary>
    public static CliResult RunWithInput(byte[] stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr, () => new MemoryStream(stdin, writable: false));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
