using RuleForge.Diagnostics;
using RuleForge.Model;

namespace RuleForge.Audit;

/// <summary>
/// What the deployment proof learns while it reads the site's configuration: blocklists the
/// site uses that the policy does not know, and where each stage's check was written.
/// </summary>
internal sealed class DeploymentPlanContext(Policy policy)
{
    private readonly Dictionary<string, Blocklist> _site = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string, string), SourceLocation> _where = [];

    /// <summary>The site's own blocklists, in the order they were found.</summary>
    public IEnumerable<Blocklist> SiteLists => _site.Values;

    /// <summary>The policy's blocklist for a zone, or a site blocklist made for it.</summary>
    public Blocklist Blocklist(string zone, BlocklistLookup checks, SourceLocation at)
    {
        var known = policy.Blocklists.FirstOrDefault(b =>
            string.Equals(b.Zone, zone.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        if (!_site.TryGetValue(zone, out var list))
        {
            list = new Blocklist($"site:{zone}", "the site's own blocklist", zone, checks, [],
                new BlocklistActions(null, false, null, null), at);
            _site[zone] = list;
        }

        return list;
    }

    /// <summary>Remembers where a stage's checks are, for findings.</summary>
    public void Remember(string target, string stage, SourceLocation at) => _where.TryAdd((target, stage), at);

    /// <summary>Where a stage's checks are, or null.</summary>
    public SourceLocation? Where(string target, string stage) =>
        _where.TryGetValue((target, stage), out var at) ? at : null;
}
