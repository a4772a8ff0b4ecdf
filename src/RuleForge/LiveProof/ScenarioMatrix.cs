using RuleForge.Explanation;
using RuleForge.Live;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Planning;

namespace RuleForge.LiveProof;

/// <summary>
/// Builds the scenario matrix for a policy: for every trusted sender and every blocklist,
/// trusted and untrusted clients (IPv4 and IPv6), authenticated, unsigned, spoofed, DKIM from
/// outside the ranges and DMARC-failing messages, against listing codes at both ends of each
/// range, a code just outside it, and the error answers. Each scenario gets its own client IP
/// so that one DNS server can hold every listing. SPF and DMARC outcomes follow from the DNS
/// records the matrix publishes, exactly as the daemons will compute them.
/// </summary>
public sealed class ScenarioMatrix
{
    /// <summary>A domain that belongs to no trusted sender.</summary>
    public const string StrangerDomain = "stranger.example.com";

    // Note: strangers are ordinary, well-configured senders (SPF passes from their own
    // addresses); only the blocklists and the policy should tell them from trusted mail.
    private const string StrangerSpf = "v=spf1 ip4:203.0.113.0/24 ip6:2001:db8:ffff::/48 -all";

    private static readonly IpNetwork StrangerV4 = Parse("203.0.113.0/24");
    private static readonly IpNetwork StrangerV6 = Parse("2001:db8:ffff::/48");

    private readonly Policy _policy;
    private readonly List<PlannedScenario> _scenarios = [];
    private readonly Dictionary<string, UInt128> _next = new(StringComparer.Ordinal);
    private readonly HashSet<(IpFamily, UInt128)> _used = [];
    private readonly Dictionary<(string Zone, string Domain), uint> _domainListings = [];
    private readonly List<DomainRecords> _domains = [];
    private readonly AddressSet _trustedSpace;

    private ScenarioMatrix(Policy policy)
    {
        _policy = policy;
        _trustedSpace = AddressSet.From(
            policy.Senders.Where(s => s.Ranges is not null).SelectMany(s => s.Ranges!.Networks));
    }

    /// <summary>The DNS records every scenario relies on.</summary>
    public IReadOnlyList<DomainRecords> Domains { get; private set; } = [];

    /// <summary>The scenarios, in a stable order.</summary>
    public IReadOnlyList<PlannedScenario> Scenarios => _scenarios;

    /// <summary>Generates the matrix for a resolved policy.</summary>
    public static ScenarioMatrix For(BuildPlan plan)
    {
        var matrix = new ScenarioMatrix(plan.Policy);
        matrix.Generate();
        return matrix;
    }

    private void Generate()
    {
        var domains = _domains;
        domains.Add(new(StrangerDomain, StrangerSpf, true, "v=DMARC1; p=reject", "192.0.2.254"));
        foreach (var sender in _policy.Senders)
        {
            var domain = SenderDomain(sender);
            var spf = sender.Ranges is { } r
                ? "v=spf1 " + string.Join(' ', r.Networks.Select(SpfTerm)) + " -all"
                : "v=spf1 -all";
            domains.Add(new DomainRecords(domain, spf, true, "v=DMARC1; p=reject", "192.0.2.253"));
            foreach (var list in _policy.Blocklists)
            {
                AddSenderBlocklist(sender, domain, list);
                AddRangeEdges(sender, domain, list);
            }

            AddEveryListAtOnce(sender, domain);
        }

        foreach (var list in _policy.Blocklists)
        {
            AddStranger(list);
        }

        ApplyDomainListings();
        Domains = domains.DistinctBy(d => d.Domain).ToList();
    }

    // Note: DNS answers per name, so a trusted domain listed in a domain blocklist is listed for
    // every scenario that uses it; the facts of those scenarios say so.
    private void ApplyDomainListings()
    {
        for (var i = 0; i < _scenarios.Count; i++)
        {
            var planned = _scenarios[i];
            var extra = _domainListings
                .Where(l => l.Key.Domain == planned.Facts.EnvelopeDomain)
                .Where(l => !planned.Facts.Listings.ContainsKey(l.Key.Zone))
                .ToList();
            if (extra.Count == 0)
            {
                continue;
            }

            var answers = new Dictionary<string, uint>(planned.Facts.Listings, StringComparer.Ordinal);
            var listings = planned.Scenario.Listings.ToList();
            foreach (var ((zone, domain), answer) in extra)
            {
                answers[zone] = answer;
                listings.Add(new DnsListing(zone, domain, Format(answer)));
            }

            _scenarios[i] = planned with
            {
                Facts = planned.Facts with { Listings = answers },
                Scenario = planned.Scenario with { Listings = listings },
            };
        }
    }

    private void AddSenderBlocklist(TrustedSender sender, string domain, Blocklist list)
    {
        var name = $"{sender.Id}-{list.Id}";
        var first = list.ListingCodes[0].First;
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            var v = family == IpFamily.V4 ? "v4" : "v6";
            if (TrustedNetwork(sender, family) is { } net)
            {
                Add($"{name}-{v}-trusted-listed", "trusted range, authenticated, listed",
                    sender, net, domain, domain, domain, list, first);
                Add($"{name}-{v}-trusted-unsigned-listed", "trusted range, unsigned, listed",
                    sender, net, domain, domain, null, list, first);
                Add($"{name}-{v}-trusted-unlisted", "trusted range, authenticated, not listed",
                    sender, net, domain, domain, domain, null, 0);
                foreach (var code in list.Checks == BlocklistLookup.ClientIp ? EdgeCodes(list) : [])
                {
                    Add($"{name}-{v}-trusted-code-{Code(code)}", $"trusted range, answer {Format(code)}",
                        sender, net, domain, domain, domain, list, code);
                }
            }

            var outside = family == IpFamily.V4 ? StrangerV4 : StrangerV6;
            Add($"{name}-{v}-authenticated-outside-unlisted",
                "outside the ranges, SPF fail, DKIM and DMARC pass, not listed",
                sender, outside, domain, domain, domain, null, 0);
            Add($"{name}-{v}-dmarc-fail-unlisted",
                "trusted From, signed by another domain, SPF fail, DMARC fail, not listed",
                sender, outside, domain, domain, StrangerDomain, null, 0);
            Add($"{name}-{v}-authenticated-outside-listed", "outside the ranges, SPF fail, DKIM and DMARC pass, listed",
                sender, outside, domain, domain, domain, list, first);
            Add($"{name}-{v}-spoofed-listed", "trusted domain spoofed from outside, SPF fail, unsigned, listed",
                sender, outside, domain, domain, null, list, first);
            Add($"{name}-{v}-dmarc-fail-listed", "trusted From, signed by another domain, SPF fail, DMARC fail, listed",
                sender, outside, domain, domain, StrangerDomain, list, first);
            Add($"{name}-{v}-spoofed-unlisted", "trusted domain spoofed from outside, not listed",
                sender, outside, domain, domain, null, null, 0);
        }
    }

    private void AddRangeEdges(TrustedSender sender, string domain, Blocklist list)
    {
        var code = list.ListingCodes[0].First;
        var shift = (UInt128)_policy.Blocklists.ToList().IndexOf(list);
        var index = 0;
        foreach (var net in sender.Ranges?.Networks ?? [])
        {
            var name = $"{sender.Id}-{list.Id}-range{++index}";
            Add($"{name}-first-listed", $"first address of {net}, authenticated, listed",
                sender, net, domain, domain, domain, list, code, at: net.First + shift);
            Add($"{name}-last-listed", $"last address of {net}, authenticated, listed",
                sender, net, domain, domain, domain, list, code, at: net.Last - shift);
            var past = net.Last + 1 + shift;
            var top = net.Family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue;
            if (net.Last != top && !_trustedSpace.Contains(net.Family, past))
            {
                Add($"{name}-past-end-listed", $"first address after {net}, trusted domain, unsigned, listed",
                    sender, net, domain, domain, null, list, code, at: past);
            }
        }
    }

    private void AddEveryListAtOnce(TrustedSender sender, string domain)
    {
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            var v = family == IpFamily.V4 ? "v4" : "v6";
            if (TrustedNetwork(sender, family) is { } net)
            {
                Add($"{sender.Id}-all-lists-{v}-trusted", "trusted range, every blocklist lists it",
                    sender, net, domain, domain, domain, null, 0, everyList: true);
            }

            var outside = family == IpFamily.V4 ? StrangerV4 : StrangerV6;
            Add($"{sender.Id}-all-lists-{v}-spoofed", "spoofed from outside, every blocklist lists it",
                sender, outside, domain, domain, null, null, 0, everyList: true);
        }
    }

    private void AddStranger(Blocklist list)
    {
        // Note: a domain blocklist answers per domain, so each stranger scenario on such a list
        // gets a domain of its own (with its own SPF, DKIM and DMARC records).
        string Domain(string name)
        {
            if (list.Checks == BlocklistLookup.ClientIp)
            {
                return StrangerDomain;
            }

            var domain = $"{name}.{StrangerDomain}";
            _domains.Add(new(domain, StrangerSpf, true, "v=DMARC1; p=reject", "192.0.2.252"));
            return domain;
        }

        foreach (var (family, net) in new[] { (IpFamily.V4, StrangerV4), (IpFamily.V6, StrangerV6) })
        {
            var v = family == IpFamily.V4 ? "v4" : "v6";
            var name = $"stranger-{list.Id}-{v}";
            var listed = Domain($"{name}-listed");
            Add($"{name}-listed", "untrusted sender, listed", null, net, listed, listed, listed, list,
                list.ListingCodes[0].First);
            var unlisted = Domain($"{name}-unlisted");
            Add($"{name}-unlisted", "untrusted sender, not listed", null, net, unlisted, unlisted, unlisted, null, 0);
            foreach (var code in EdgeCodes(list))
            {
                var coded = Domain($"{name}-code-{Code(code)}");
                Add($"{name}-code-{Code(code)}", $"untrusted sender, answer {Format(code)}", null, net,
                    coded, coded, coded, list, code);
            }
        }
    }

    // The last listing code, one code past the end of the first range, and the two error answers.
    private static IEnumerable<uint> EdgeCodes(Blocklist list)
    {
        var last = list.ListingCodes[^1].Last;
        var past = list.ListingCodes[0].Last + 1;
        var codes = new List<uint> { last };
        if (!list.IsListing(past) && (past & 255) != 0)
        {
            codes.Add(past);
        }

        codes.Add(0x7FFFFFFE); // 127.255.255.254: "query through a public resolver"
        codes.Add(0x7FFFFFFF); // 127.255.255.255: "excessive queries"
        return codes.Distinct();
    }

    private void Add(
        string name, string description, TrustedSender? sender, IpNetwork network, string envelopeDomain,
        string headerDomain, string? dkimDomain, Blocklist? list, uint code, bool everyList = false, UInt128? at = null)
    {
        if ((at ?? NextAddress(network)) is not { } ip || !_used.Add((network.Family, ip)))
        {
            // Note: a small range may run out of fresh addresses; the matrix then has fewer rows.
            return;
        }

        var envelope = $"notify@{envelopeDomain}";
        var header = $"notify@{headerDomain}";
        var listings = new List<DnsListing>();
        var answers = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var l in everyList ? _policy.Blocklists : list is null ? [] : [list])
        {
            var answer = everyList ? l.ListingCodes[0].First : code;
            var subject = l.Checks == BlocklistLookup.ClientIp
                ? IpNetwork.FormatAddress(network.Family, ip)
                : envelopeDomain;
            if (l.Checks == BlocklistLookup.SenderDomain)
            {
                // One answer per domain and zone for the whole run: the first one asked for.
                answer = _domainListings.TryAdd((l.Zone, envelopeDomain), answer)
                    ? answer
                    : _domainListings[(l.Zone, envelopeDomain)];
            }

            listings.Add(new DnsListing(l.Zone, subject, Format(answer)));
            answers[l.Zone] = answer;
        }

        var spfPass = sender is null
            ? (network == StrangerV4 || network == StrangerV6)
                && envelopeDomain.EndsWith(StrangerDomain, StringComparison.Ordinal)
            : sender.Ranges is { } r && envelopeDomain == SenderDomain(sender)
                && r.Networks.Any(n => n.Contains(network.Family, ip));
        var spf = spfPass ? AuthResult.Pass : AuthResult.Fail;
        var dkim = dkimDomain is null ? AuthResult.None : AuthResult.Pass;
        var aligned = (spfPass && envelopeDomain == headerDomain) || dkimDomain == headerDomain;
        var dmarc = aligned ? AuthResult.Pass : AuthResult.Fail;
        var facts = new MessageFacts(network.Family, ip, envelope, header, spf, dkim, dkimDomain, dmarc, answers);
        var client = IpNetwork.FormatAddress(network.Family, ip);
        var scenario = new LiveScenario(name, client, envelope, header, dkimDomain, listings);
        _scenarios.Add(new PlannedScenario(scenario, facts, description));
    }

    private UInt128? NextAddress(IpNetwork network)
    {
        var key = network.ToString();
        var offset = _next.TryGetValue(key, out var n) ? n : network.Size > 32 ? (UInt128)10 : UInt128.Zero;
        while (true)
        {
            var candidate = network.First + offset;
            offset++;
            if (candidate > network.Last || candidate < network.First)
            {
                return null;
            }

            // Note: a stranger address must not fall into any trusted range of any sender.
            var stranger = network == StrangerV4 || network == StrangerV6;
            if (!_used.Contains((network.Family, candidate))
                && (!stranger || !_trustedSpace.Contains(network.Family, candidate)))
            {
                _next[key] = offset;
                return candidate;
            }
        }
    }

    private static string SpfTerm(IpNetwork n) => (n.Family == IpFamily.V4 ? "ip4:" : "ip6:") + n;

    private static IpNetwork? TrustedNetwork(TrustedSender sender, IpFamily family) =>
        sender.Ranges?.Networks.FirstOrDefault(n => n.Family == family) is { Prefix: > 0 } n ? n : null;

    private static string SenderDomain(TrustedSender sender) =>
        sender.Domains.Count > 0 ? sender.Domains[0] : $"{sender.Id}.example.com";

    private static string Format(uint code) => ListingCodeRange.Format(code);

    private static string Code(uint code) => Format(code).Replace('.', '-');

    private static IpNetwork Parse(string cidr) =>
        IpNetwork.TryParse(cidr, out var n, out _) ? n : throw new InvalidOperationException(cidr);
}
