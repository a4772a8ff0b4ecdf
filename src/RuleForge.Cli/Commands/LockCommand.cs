using System.CommandLine;
using RuleForge.Model;
using RuleForge.Pipeline;
using RuleForge.Resolution.Dns;
using RuleForge.Resolution.Feeds;
using RuleForge.Resolution.Lock;
using RuleForge.Resolution.Spf;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge lock POLICY [--refresh] [--allow-shrink]</c>: resolves the policy's SPF domains
/// and feeds into its lockfile (<c>POLICY.lock.json</c>), which build then reads instead of DNS
/// and the network. On any failure the lockfile is left exactly as it was.
/// </summary>
internal static class LockCommand
{
    public static Command Create(CliIo io)
    {
        var policy = CommonOptions.Policy();
        var refresh = new Option<bool>("--refresh")
        {
            Description = "Resolve every SPF domain and feed again (default: only those not yet locked) and " +
                "print what changed.",
        };
        var allowShrink = new Option<bool>("--allow-shrink")
        {
            Description = "Accept a refresh that removes more of a sender's addresses than the " +
                "Lock:MaxShrink setting.",
        };
        var quiet = CommonOptions.Quiet();
        var settings = CommonOptions.Settings();
        var server = DnsOptions.Server();
        var command = new Command(
            "lock", "Resolve the SPF domains and feeds a policy trusts and pin the result in its lockfile.")
        {
            policy, refresh, allowShrink, quiet, settings, server, CommonOptions.Verbose(),
        };
        command.SetAction(async (result, cancellation) =>
        {
            var path = result.GetValue(policy)!;
            var loaded = Cli.Settings.Load(result.GetValue(settings), new Dictionary<string, string?>());
            var problems = loaded.Problems().Concat(loaded.LockProblems()).Concat(loaded.FeedProblems())
                .Concat(loaded.SpfProblems()).ToList();
            problems.ForEach(p => io.Error.WriteLine($"ruleforge: {p}"));
            if (problems.Count > 0 || DnsOptions.Load(result, settings, server, io) is not { } dns)
            {
                return ExitCodes.Usage;
            }

            var options = new LockOptions(
                result.GetValue(refresh), loaded.LockMaxShrink, result.GetValue(allowShrink));
            using var fetcher = new FeedFetcher(loaded.Feeds);
            var resolvers = new Resolvers(dns, loaded.Spf, fetcher);
            return await RunAsync(path, resolvers, options, loaded.Defaults, result.GetValue(quiet), io, cancellation)
                .ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string path, Resolvers resolvers, LockOptions options, PolicyDefaults defaults, bool quiet, CliIo io,
        CancellationToken cancellation)
    {
        var display = CommonOptions.DisplayPath(path, io);
        var validation = BuildPipeline.Validate(path, display, defaults);
        DiagnosticPrinter.Print(validation.Diagnostics, io, quiet);
        if (validation.Policy is not { } valid)
        {
            io.Error.WriteLine("lock failed: the policy has errors; the lockfile was not changed.");
            return ExitCodes.Errors;
        }

        var location = LockfileLocation.For(path, display);
        if (!valid.Senders.Any(PolicyLocker.HasLockedRanges) && !LockfileStore.Exists(location))
        {
            io.Out.WriteLine($"{display} trusts no SPF domain and selects from no feed; nothing to lock.");
            return ExitCodes.Ok;
        }

        var bag = new Diagnostics.DiagnosticBag();
        var previous = LockfileStore.Load(location, bag, allowHashMismatch: options.Refresh);
        DiagnosticPrinter.Print(bag.Items, io, quiet);
        if (bag.HasErrors)
        {
            io.Error.WriteLine($"lock failed; {location.DisplayPath} was not changed.");
            return ExitCodes.Errors;
        }

        LockOutcome outcome;
        using (var progress = TerminalProgress.For(io, quiet))
        {
            var flattener = new SpfFlattener(new DnsLookup(resolvers.Dns, progress), resolvers.Spf);
            var locker = new PolicyLocker(flattener, resolvers.Fetcher);
            outcome = await locker.LockAsync(valid, previous, options, cancellation).ConfigureAwait(false);
        }

        DiagnosticPrinter.Print(outcome.Diagnostics, io, quiet);
        if (!outcome.Succeeded)
        {
            io.Error.WriteLine($"lock failed; {location.DisplayPath} was not changed.");
            return ExitCodes.Errors;
        }

        return Write(location, outcome, valid, previous is not null, quiet, io);
    }

    private static int Write(
        LockfileLocation location, LockOutcome outcome, Policy policy, bool had, bool quiet, CliIo io)
    {
        var text = LockfileJson.Write(outcome.Lockfile!);
        var unchanged = had && File.Exists(location.FullPath) && File.ReadAllText(location.FullPath) == text;
        if (!unchanged)
        {
            var written = LockfileStore.Write(location, text);
            DiagnosticPrinter.Print(written, io, quiet: false);
            if (written.Count > 0)
            {
                return ExitCodes.Errors;
            }
        }

        var resolved = outcome.Resolved.Count == 0 ? "none" : string.Join(", ", outcome.Resolved);
        var state = unchanged ? "is up to date" : had ? "updated" : "written";
        var feeds = outcome.FeedsRead.Count == 0 ? "" : "; feeds: " + string.Join(", ", outcome.FeedsRead);
        io.Out.WriteLine($"{location.DisplayPath} {state}; resolved: {resolved}{feeds}");
        foreach (var change in outcome.Changes)
        {
            WriteChange(change, policy, quiet, io);
        }

        return ExitCodes.Ok;
    }

    private sealed record Resolvers(DnsSettings Dns, SpfLimits Spf, FeedFetcher Fetcher);

    private static void WriteChange(SenderRangeChange change, Policy policy, bool quiet, CliIo io)
    {
        var ranges = policy.Senders.First(s => s.Id == change.SenderId).Ranges!;
        var parts = new List<string>();
        if (ranges.SpfDomains.Count > 0)
        {
            parts.Add("spf " + string.Join(", ", ranges.SpfDomains.Select(t => t.Domain)));
        }

        if (ranges.Selections.Count > 0)
        {
            parts.Add("feed " + string.Join(", ", ranges.Selections.Select(s => s.FeedId).Distinct()));
        }

        var label = $"sender {change.SenderId} ({string.Join("; ", parts)})";
        if (change.IsEmpty)
        {
            if (!quiet)
            {
                io.Out.WriteLine($"{label}: unchanged");
            }

            return;
        }

        io.Out.WriteLine($"{label}: {change.Added.Count} ranges added, {change.Removed.Count} removed");
        foreach (var range in change.Added)
        {
            io.Out.WriteLine($"  + {range}");
        }

        foreach (var range in change.Removed)
        {
            io.Out.WriteLine($"  - {range}");
        }
    }
}
