using System.Diagnostics;

namespace RuleForge.Tests.Support;

/// <summary>
/// Runs command lines with bash, as a CI runner or git would, with a <c>ruleforge</c> on PATH
/// that is the CLI this test run built.
/// </summary>
public sealed class Shell : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly TempFolder _bin = new();

    public Shell()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "RuleForge.Cli.dll");
        _bin.Write("ruleforge", $"#!/bin/sh\nexec dotnet '{cli}' \"$@\"\n");
        var chmod = Run("chmod +x ruleforge", _bin.Path);
        if (chmod.ExitCode != 0)
        {
            throw new InvalidOperationException($"cannot make the ruleforge wrapper executable:\n{chmod}");
        }
    }

    /// <summary>Runs one command line in a folder with extra environment variables.</summary>
    public CliResult Run(string line, string workingDirectory, IReadOnlyDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", line])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{_bin.Path}:{Environment.GetEnvironmentVariable("PATH")}";
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{line}' ran longer than {Timeout}");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => _bin.Dispose();
}
