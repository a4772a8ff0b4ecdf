using RuleForge.Live;
using RuleForge.Output;
using RuleForge.Pipeline;
using RuleForge.Rendering;
using RuleForge.Tests.Support;

namespace RuleForge.Tests.Live;

/// <summary>
/// Builds rules/efax.yaml and runs the live harness once over a handful of hand-written
/// scenarios; the tests in <see cref="LiveHarnessTests"/> read the one result.
/// </summary>
public sealed class LiveHarnessFixture : IDisposable
{
    /// <summary>The trusted sender's domain, and a second domain of the same sender.</summary>
    public const string Efax = "inbound.efax.com";

    public const string Jfax = "inbound.jfax.com";

    private readonly TempFolder _temp = new();

    public LiveHarnessFixture()
    {
        var path = Path.Combine(RepoPaths.Rules, "efax.yaml");
        var outcome = BuildPipeline.Build(path, "rules/efax.yaml", new PolicyDefaults(), new TemplateSource(null));
        if (!outcome.Succeeded)
        {
            BuildError = string.Join("\n", outcome.Diagnostics.Select(d => d.ToString()));
            return;
        }

        var tree = _temp["tree"];
        var written = OutputWriter.Write(tree, outcome.Files);
        if (written.Count > 0)
        {
            BuildError = string.Join("\n", written.Select(d => d.ToString()));
            return;
        }

        var log = new StringWriter();
        var started = DateTime.UtcNow;
        Result = LiveHarness.Run(new LiveRun(tree, Domains, Scenarios), log);
        Seconds = (DateTime.UtcNow - started).TotalSeconds;
        Log = log.ToString();
    }

    /// <summary>The sender domains' DNS records for the run.</summary>
    public static IReadOnlyList<DomainRecords> Domains { get; } =
    [
        new(Efax, "v=spf1 ip4:192.0.2.0/26 ip4:198.51.100.0/26 ip6:2001:db8:10::/48 ip6:2001:db8:20::/48 -all",
            true, "v=DMARC1; p=reject", "192.0.2.1"),

        // Note: the bounce domain's SPF names a host outside the trusted ranges, so that one
        // message can pass SPF, DKIM and DMARC while its client IP earns no trust.
        new(Jfax, "v=spf1 ip4:203.0.113.48/28 -all", true, "v=DMARC1; p=reject", "192.0.2.2"),
    ];

    /// <summary>The scenarios, in the order the result lists them.</summary>
    public static IReadOnlyList<LiveScenario> Scenarios { get; } =
    [
        Scenario("trusted-listed", "192.0.2.10", $"fax@{Efax}", $"fax@{Efax}", Efax, "127.0.0.2"),
        Scenario("untrusted-listed", "203.0.113.200", "news@bulk-sender.example", "news@bulk-sender.example",
            null, "127.0.0.2"),
        Scenario("untrusted-error-answer", "203.0.113.202", "news@bulk-sender.example",
            "news@bulk-sender.example", null, "127.255.255.254"),
        Scenario("trusted-v6-listed", "2001:db8:10::5", $"fax@{Efax}", $"fax@{Efax}", Efax, "127.0.0.2"),
        Scenario("authenticated-outside", "203.0.113.50", $"bounce@{Jfax}", $"fax@{Efax}", Efax, null),
        Scenario("spoofed", "203.0.113.201", $"fax@{Efax}", $"fax@{Efax}", null, null),
    ];

    /// <summary>Why the tree could not be built, or null.</summary>
    public string? BuildError { get; }

    /// <summary>The harness's result, or null when the tree could not be built.</summary>
    public LiveRunResult? Result { get; }

    /// <summary>What the harness logged (timings).</summary>
    public string Log { get; } = "";

    /// <summary>How long the run took.</summary>
    public double Seconds { get; }

    public void Dispose() => _temp.Dispose();

    private static LiveScenario Scenario(
        string name, string ip, string envelopeFrom, string headerFrom, string? dkim, string? zenAnswer) =>
        new(name, ip, envelopeFrom, headerFrom, dkim,
            zenAnswer is null ? [] : [new DnsListing("zen.spamhaus.org", ip, zenAnswer)]);
}
