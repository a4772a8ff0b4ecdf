using System.Globalization;
using RuleForge.Tests.Support;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Runs the real CLI process under GNU time (<c>/usr/bin/time</c>, Debian package <c>time</c>,
/// installed by scripts/install-daemons.sh) and reads its peak resident memory (max RSS).
/// </summary>
public static class PeakMemory
{
    private const string Time = "/usr/bin/time";

    /// <summary>Runs <c>dotnet RuleForge.Cli.dll ARGS</c>; returns what it printed and its peak in MiB.</summary>
    public static (CliResult Result, double PeakMiB) Run(string folder, params string[] args)
    {
        if (!File.Exists(Time))
        {
            throw new InvalidOperationException(
                $"{Time} is missing: the memory-bound tests measure the CLI with GNU time (Debian package " +
                "'time'; scripts/install-daemons.sh installs it as root)");
        }

        var report = Path.Combine(folder, "peak-rss.txt");
        var result = CliProcess.Run(Time, ["-f", "%M", "-o", report, "dotnet", CliProcess.Dll, .. args]);

        // Note: GNU time writes "Command exited with non-zero status N" before the format's line.
        var last = File.ReadAllLines(report).Last(l => l.Trim().Length > 0);
        var kib = long.Parse(last.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        return (result, kib / 1024.0);
    }
}
