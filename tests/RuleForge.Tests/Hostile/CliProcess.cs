using System.Diagnostics;
using RuleForge.Tests.Support;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// The real ruleforge command as a separate process (the built RuleForge.Cli.dll under dotnet),
/// for tests that kill it or run it inside a mount namespace of its own.
/// </summary>
public static class CliProcess
{
    /// <summary>The built CLI next to the test binary; fails loudly when it is missing.</summary>
    public static string Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "RuleForge.Cli.dll");
            var config = Path.Combine(AppContext.BaseDirectory, "RuleForge.Cli.runtimeconfig.json");
            return File.Exists(dll) && File.Exists(config)
                ? dll
                : throw new InvalidOperationException($"the built CLI is missing: {dll} (and its runtimeconfig)");
        }
    }

    /// <summary>Starts <c>dotnet RuleForge.Cli.dll ARGS</c> with output captured.</summary>
    public static Process Start(params string[] args) => StartFile("dotnet", [Dll, .. args]);

    /// <summary>Starts a program with output captured.</summary>
    public static Process StartFile(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
    }

    /// <summary>Runs a program to its end (at most two minutes) and returns what it printed.</summary>
    public static CliResult Run(string file, params string[] args)
    {
        using var process = StartFile(file, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in two minutes");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Fails loudly unless the tests run as root (CI does), which namespaces and mounts need.</summary>
    public static void RequireRoot()
    {
        if (Environment.UserName != "root" && CliProcess.Run("id", "-u").Stdout.Trim() != "0")
        {
            throw new InvalidOperationException(
                "this test needs root (unshare --mount, tmpfs and bind mounts); CI runs as root");
        }
    }
}
