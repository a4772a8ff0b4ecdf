using System.Diagnostics;

namespace RuleForge.Verification;

/// <summary>
/// Runs a bash script inside a fresh network and mount namespace that has only the loopback
/// interface (unshare --net --mount). Nothing the script starts can reach another host, and the
/// script may bind-mount private copies over /etc folders without affecting the machine.
/// </summary>
public static class Sandbox
{
    /// <summary>True when this process can create namespaces (root with unshare installed).</summary>
    public static bool IsAvailable(out string reason)
    {
        if (ToolCheck.Find("unshare") is null)
        {
            reason = "the 'unshare' program (util-linux) is not installed";
            return false;
        }

        if (ToolCheck.Find("ip") is null)
        {
            reason = "the 'ip' program (iproute2) is not installed";
            return false;
        }

        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root")
        {
            reason = "it must run as root to create a network namespace";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>Runs the script and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string scriptPath, IEnumerable<string> args, TimeSpan timeout) =>
        Run(scriptPath, args, timeout, ownPidNamespace: false);

    /// <summary>
    /// Runs the script and returns its exit code and combined output. With
    /// <paramref name="ownPidNamespace"/> the script is also the first process of a new PID
    /// namespace (unshare --pid --fork --kill-child --mount-proc): when it ends, or is killed on
    /// timeout, the kernel ends every daemon it started, daemonized or not.
    /// </summary>
    public static (int ExitCode, string Output) Run(
        string scriptPath, IEnumerable<string> args, TimeSpan timeout, bool ownPidNamespace)
    {
        var start = new ProcessStartInfo(ToolCheck.Find("unshare")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] pid = ownPidNamespace ? ["--pid", "--fork", "--kill-child", "--mount-proc"] : [];
        string[] head = ["--net", "--mount", "--propagation", "private", .. pid, "bash", scriptPath];
        foreach (var arg in head.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("unshare did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (124, $"timed out after {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
