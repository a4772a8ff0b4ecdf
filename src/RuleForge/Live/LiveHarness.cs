using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using RuleForge.Verification;

namespace RuleForge.Live;

/// <summary>
/// Sends a <see cref="LiveRun"/>'s scenarios through the real daemons, configured from a built
/// tree. One run is one loopback-only sandbox (<see cref="Sandbox"/>, with its own network,
/// mount and PID namespaces) in which dnsmasq serves the run's zones on 127.0.0.1:53 and :5353,
/// and Rspamd, spamd and Postfix start once; every scenario then goes, several at a time,
/// through rspamc, spamc, smtpd (XCLIENT) and postscreen (PROXY protocol), the last path on
/// through the Rspamd milter into a test mailbox.
/// </summary>
public static class LiveHarness
{
    /// <summary>
    /// Rspamd's DBDIR, kept between runs (owned by _rspamd) so that a warm start takes under a
    /// second instead of about ten. Runs that share it take turns (a lock file beside it).
    /// </summary>
    public const string RspamdDbDir = "/var/tmp/ruleforge-live/harness/rspamd-db";

    /// <summary>How many scenarios are in flight at once.</summary>
    public const int Parallel = 8;

    /// <summary>
    /// When this environment variable names a folder, the run's raw outputs (daemon logs, client
    /// transcripts, DNS query logs) are copied there before the work folder is deleted.
    /// </summary>
    public const string KeepVariable = "RULEFORGE_LIVE_KEEP";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(12);

    /// <summary>
    /// Runs every scenario once and returns the observations in scenario order, every DNS
    /// question the loopback server answered, the resolvers configured inside the sandbox, and
    /// every problem that kept something from being observed (a missing program, a daemon that
    /// did not start, with its log tail, a client that timed out). A target the tree has no
    /// output for is not observed (null members). Needs root. Progress and timings go to
    /// <paramref name="log"/>.
    /// </summary>
    public static LiveRunResult Run(LiveRun run, TextWriter log)
    {
        var problems = LiveRunCheck.Problems(run);
        if (problems.Count > 0)
        {
            return new LiveRunResult([], [], [], problems);
        }

        var tree = Path.GetFullPath(run.Tree);
        var targets = Available(LiveTargets.Of(tree), problems, out var canStart);
        if (!Sandbox.IsAvailable(out var reason))
        {
            problems.Add($"the loopback-only sandbox cannot start: {reason}");
            canStart = false;
        }

        if (!canStart)
        {
            return new LiveRunResult([], [], [], problems);
        }

        var work = Directory.CreateTempSubdirectory("ruleforge-live-");
        try
        {
            return RunIn(run, tree, targets, work.FullName, problems, log);
        }
        finally
        {
            KeepOutputs(work.FullName, log);
            work.Delete(recursive: true);
        }
    }

    private static LiveRunResult RunIn(
        LiveRun run, string tree, LiveTargets targets, string work, List<string> problems, TextWriter log)
    {
        Prepare(run, work, problems);
        if (problems.Count > 0)
        {
            return new LiveRunResult([], [], [], problems);
        }

        log.WriteLine($"live: {run.Scenarios.Count} scenarios through {targets.ScriptArgument}, "
            + $"{Parallel} at a time");
        var clock = Stopwatch.StartNew();
        var (code, output) = Sandbox.Run(Path.Combine(work, "live-harness.sh"),
            [work, tree, RspamdDbDir, Parallel.ToString(CultureInfo.InvariantCulture), targets.ScriptArgument],
            Timeout, ownPidNamespace: true);
        clock.Stop();
        var outDir = Path.Combine(work, "out");
        foreach (var line in LiveResults.Lines(outDir, "times"))
        {
            var parts = line.Split('\t');
            log.WriteLine($"live: {parts[1],-10} at {parts[2]} s");
        }

        foreach (var line in LiveResults.ClientTimings(outDir))
        {
            log.WriteLine($"live: {line}");
        }

        log.WriteLine($"live: sandbox finished in {clock.Elapsed.TotalSeconds:0.0} s (exit {code})");
        if (code != 0)
        {
            problems.Add($"the sandbox script exited with {code}: {Tail(output)}");
        }

        problems.AddRange(LiveResults.ScriptProblems(outDir));
        targets = Started(targets, LiveResults.Lines(outDir, "up"));
        var delivered = File.Exists(Path.Combine(outDir, "delivered"))
            ? LiveResults.Lines(outDir, "delivered").ToHashSet(StringComparer.Ordinal)
            : null;
        var observations = run.Scenarios
            .Select(s => LiveResults.Read(s, outDir, targets, delivered, problems))
            .ToList();
        if (targets.Rspamd && targets.Postfix)
        {
            CheckMilter(observations, LiveResults.Lines(outDir, "milter-scanned"), problems);
        }

        var queries = LiveResults.DnsQueries(outDir);
        var resolvers = LiveResults.Lines(outDir, "resolvers");
        CheckInterfaces(LiveResults.Lines(outDir, "interfaces"), problems);
        log.WriteLine($"live: {observations.Count} observations, {queries.Count} DNS questions, "
            + $"{problems.Count} problems");
        return new LiveRunResult(observations, queries, resolvers, problems);
    }

    private static LiveTargets Available(LiveTargets wanted, List<string> problems, out bool canStart)
    {
        var missing = wanted.Programs().Where(p => ToolCheck.Find(p.Program) is null).ToList();
        foreach (var (daemon, program) in missing)
        {
            problems.Add($"{daemon}: the program '{program}' is not installed "
                + "(scripts/install-daemons.sh installs the daemons)");
        }

        bool Lacks(string daemon) => missing.Any(m => m.Daemon == daemon);
        canStart = !Lacks("the sandbox");
        if (!wanted.Rspamd && !wanted.SpamAssassin && !wanted.Postfix)
        {
            problems.Add("the tree has no rspamd/, spamassassin/ or postfix/ output to run");
            canStart = false;
        }

        return new LiveTargets(
            wanted.Rspamd && !Lacks("Rspamd"),
            wanted.SpamAssassin && !Lacks("SpamAssassin"),
            wanted.Postfix && !Lacks("Postfix"));
    }

    // Note: a daemon that did not start is one problem (with its log), not one per scenario.
    // Without Rspamd the milter path is broken, so postscreen's replies are not observations.
    private static LiveTargets Started(LiveTargets targets, List<string> up)
    {
        bool Up(string name) => up.Contains($"{name} 1", StringComparer.Ordinal);
        var rspamd = targets.Rspamd && Up("rspamd");
        var postfix = targets.Postfix && Up("postfix");
        return new LiveTargets(rspamd, targets.SpamAssassin && Up("spamassassin"), postfix,
            postfix && (rspamd || !targets.Rspamd));
    }

    private static void Prepare(LiveRun run, string work, List<string> problems)
    {
        var runId = Convert.ToHexString(Guid.NewGuid().ToByteArray())[..12].ToLowerInvariant();
        var now = DateTimeOffset.UtcNow;
        Directory.CreateDirectory(Path.Combine(work, "msgs"));
        File.WriteAllText(Path.Combine(work, "dns.conf"), LiveZones.Config(run, problems));
        File.WriteAllLines(Path.Combine(work, "dkim-domains"),
            run.Domains.Where(d => d.PublishDkimKey).Select(d => d.Domain));
        File.WriteAllLines(Path.Combine(work, "test-tlds"), LiveZones.UsedTestTlds(run));
        // Note: bash's read merges adjacent tabs, so an unsigned scenario's DKIM field is "-".
        File.WriteAllLines(Path.Combine(work, "scenarios.tsv"), run.Scenarios.Select(s => string.Join('\t',
            s.Name, s.ClientIp, s.EnvelopeFrom, s.HeaderFrom, s.DkimDomain ?? "-", LiveMessages.Helo)));
        foreach (var s in run.Scenarios)
        {
            File.WriteAllText(Path.Combine(work, "msgs", $"{s.Name}.eml"), LiveMessages.Build(s, runId, now));
        }

        File.WriteAllText(Path.Combine(work, "live-harness.sh"), Resource("live-harness.sh"));
        File.WriteAllText(Path.Combine(work, "live-sign.pl"), Resource("live-sign.pl"));
    }

    // Note: a message that reached the mailbox without the Rspamd milter's scan means the full
    // path was not what was observed (milter_default_action would have been taken instead).
    private static void CheckMilter(List<Observation> observations, List<string> scanned, List<string> problems)
    {
        var seen = scanned.ToHashSet(StringComparer.Ordinal);
        foreach (var o in observations.Where(o => o.Delivered == true && !seen.Contains(o.Scenario)))
        {
            problems.Add($"scenario '{o.Scenario}': delivered, but Rspamd's log shows no milter scan of it");
        }
    }

    // Note: the script lists the interfaces it saw; anything but loopback means the sandbox leaked.
    private static void CheckInterfaces(List<string> interfaces, List<string> problems)
    {
        var others = interfaces.Where(i => i != "lo").ToList();
        if (interfaces.Count == 0 || others.Count > 0)
        {
            problems.Add($"the sandbox was not loopback-only: interfaces [{string.Join(", ", interfaces)}]");
        }
    }

    private static void KeepOutputs(string work, TextWriter log)
    {
        var keep = Environment.GetEnvironmentVariable(KeepVariable);
        var outDir = Path.Combine(work, "out");
        if (string.IsNullOrEmpty(keep) || !Directory.Exists(outDir))
        {
            return;
        }

        Directory.CreateDirectory(keep);
        foreach (var file in Directory.GetFiles(outDir))
        {
            File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
        }

        log.WriteLine($"live: raw outputs kept in {keep}");
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"RuleForge.Live.{name}")
            ?? throw new InvalidOperationException($"embedded {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Tail(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(8));
}
