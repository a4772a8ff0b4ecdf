using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RuleForge.Benchmarks;

/// <summary>
/// Runs the hot-path benchmarks: <c>dotnet run -c Release --project bench/RuleForge.Benchmarks
/// -- --filter '*'</c>. They run in-process (no generated project is built per run), with a
/// short job by default, as the machines here are small and shared; pass <c>--job default</c>
/// for BenchmarkDotNet's full statistics. <c>-- spf-tree</c> runs the SPF latency check instead
/// (see <see cref="SpfTreeLatency"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "spf-tree")
        {
            return SpfTreeLatency.Run(args[1..]);
        }

        if (args.Length > 1 && args[0] == "build-stages")
        {
            return BuildStages.Run(args[1..]);
        }

        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
