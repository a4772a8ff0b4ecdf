using System.Diagnostics;
using System.Globalization;
using RuleForge.Resolution.Dns;
using RuleForge.Resolution.Spf;
using RuleForge.Tests.Spf;

namespace RuleForge.Benchmarks;

/// <summary>
/// <c>RuleForge.Benchmarks spf-tree [--rounds N] [--delay-ms D]</c>: flattens a 30-name SPF tree
/// (a root that includes 5 names, which include 24 more) served by the tests' loopback DNS
/// server, which answers every question after D ms. Questions of one level go out together, so
/// the time should be about (depth + 1) x D, not 30 x D. Prints one line per round and a
/// summary line starting with <c>spf-tree</c> that bench/run reads.
/// </summary>
internal static class SpfTreeLatency
{
    private const string Root = "spf-tree.bench.example";

    public static int Run(string[] args)
    {
        var rounds = Option(args, "--rounds", 5);
        var delay = TimeSpan.FromMilliseconds(Option(args, "--delay-ms", 50));
        using var dns = new LoopbackDnsServer();
        var (names, depth) = Serve(dns, delay);
        var settings = new DnsSettings([dns.EndPoint], TimeSpan.FromSeconds(5), 0, true);

        // One round first, unmeasured: it pays for JIT compiling the resolver.
        Flatten(settings);
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = Flatten(settings);
            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {i + 1}: {times[^1]:F1} ms, {result.Ranges.Count} ranges"));
        }

        times.Sort();
        var median = times[times.Count / 2];
        var ms = delay.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"spf-tree names={names} depth={depth} delay_ms={ms} median_ms={median:F1} " +
            $"target_ms={(depth + 1) * ms} serial_ms={names * ms}"));
        return 0;
    }

    private static SpfResult Flatten(DnsSettings settings)
    {
        // Note: a fresh flattener each round, so no answer is cached between rounds.
        var flattener = new SpfFlattener(new DnsLookup(settings), SpfLimits.Default with { Lookups = 100 });
        return flattener.FlattenAsync(Root).GetAwaiter().GetResult();
    }

    private static (int Names, int Depth) Serve(LoopbackDnsServer dns, TimeSpan delay)
    {
        var children = Enumerable.Range(1, 5).Select(i => $"c{i}.{Root}").ToList();
        var leaves = 0;
        var names = new List<string> { Root };
        names.AddRange(children);
        dns.Txt(Root, "v=spf1 " + string.Join(' ', children.Select(c => $"include:{c}")) + " -all");
        for (var c = 0; c < children.Count; c++)
        {
            var count = c < 4 ? 5 : 4;
            var grandchildren = Enumerable.Range(1, count).Select(g => $"g{g}.{children[c]}").ToList();
            dns.Txt(children[c], "v=spf1 " + string.Join(' ', grandchildren.Select(g => $"include:{g}")) + " -all");
            foreach (var g in grandchildren)
            {
                leaves++;
                names.Add(g);
                dns.Txt(g, $"v=spf1 ip4:198.51.{leaves}.0/24 -all");
            }
        }

        foreach (var name in names)
        {
            dns.Delay(name, delay);
        }

        return (names.Count, 2);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
