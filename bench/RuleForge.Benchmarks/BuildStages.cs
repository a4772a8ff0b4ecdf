using System.Diagnostics;
using System.Globalization;
using RuleForge.Output;
using RuleForge.Pipeline;
using RuleForge.Proof;
using RuleForge.Rendering;
using RuleForge.Resolution;
using RuleForge.Resolution.Lock;

namespace RuleForge.Benchmarks;

/// <summary>
/// <c>RuleForge.Benchmarks build-stages POLICY [--rounds N]</c>: the time of each build stage
/// (validate, resolve, plan, prove, render, manifest) for one policy, in CPU milliseconds, to see where a slow build
/// spends it. The first round warms up the JIT and is not printed.
/// </summary>
internal static class BuildStages
{
    public static int Run(string[] args)
    {
        var policy = args[0];
        var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var templates = new TemplateSource(null);
        for (var round = 0; round <= rounds; round++)
        {
            var times = new List<(string Stage, double Ms)>();
            var watch = Stopwatch.StartNew();
            Lap(watch);
            // Note: no sender limit here; this measures how the stages grow past Policy:MaxSenders too.
            var unbounded = new PolicyDefaults(MaxSenders: int.MaxValue);
            var validation = BuildPipeline.Validate(policy, "policy.yaml", unbounded);
            times.Add(("validate", Lap(watch)));
            if (validation.Policy is null)
            {
                Console.Error.WriteLine(string.Join('\n', validation.Diagnostics.Take(10)));
                return 1;
            }

            var resolution = PolicyResolver.Resolve(validation.Policy!, LockfileLocation.For(policy, "policy.yaml"));
            times.Add(("resolve", Lap(watch)));
            var plan = BuildPipeline.Plan(resolution.Policy!);
            times.Add(("plan", Lap(watch)));
            var proof = RankingProof.Prove(plan);
            times.Add(("prove", Lap(watch)));
            var rendered = Renderer.Render(plan, proof, templates, resolution.Selections);
            times.Add(("render", Lap(watch)));
            var json = ProofJson.Write(plan, proof, resolution.Selections);
            times.Add(("proof.json", Lap(watch)));
            Manifest.Write(plan.Policy, policy, [.. rendered.Files, new RenderedFile("proof.json", json)]);
            times.Add(("manifest", Lap(watch)));
            if (round > 0)
            {
                Console.WriteLine(string.Join("  ", times.Select(t =>
                    string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Ms:F0} ms"))));
            }
        }

        return 0;
    }

    // Note: CPU time of the process, not wall time: on a shared machine wall time mostly
    // measures waiting for a core.
    private static double Lap(Stopwatch watch)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var ms = cpu - _lastCpu;
        _lastCpu = cpu;
        watch.Restart();
        return ms;
    }

    private static double _lastCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
