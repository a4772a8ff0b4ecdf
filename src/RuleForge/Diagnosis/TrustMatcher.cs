using System.Runtime.CompilerServices;
using RuleForge.Model;
using RuleForge.Net;

namespace RuleForge.Diagnosis;

/// <summary>
/// Decides whether a blocked message came from one of the policy's trusted senders: by client IP
/// in the sender's resolved ranges (inline, feeds and the SPF ranges pinned in the lockfile), with
/// the envelope domain where the sender requires it, or by envelope domain where a content filter
/// saw the sender's authentication pass.
/// </summary>
public sealed class TrustMatcher
{
    private readonly List<(TrustedSender Sender, AddressSet Ranges)> _senders;

    /// <summary>A matcher over a resolved policy's senders.</summary>
    public TrustMatcher(Policy policy)
    {
        _senders = [.. policy.Senders.Select(s => (s, AddressSet.From(s.Ranges?.Networks ?? [])))];
    }

    /// <summary>The first sender the message belongs to and how it matched, or null.</summary>
    public (TrustedSender Sender, string MatchedBy)? Match(BlockEvent e) =>
        Match(e, IpNetwork.TryParseAddress(e.ClientIp ?? "", out var family, out var address), family, address);

    /// <summary>As <see cref="Match(BlockEvent)"/>, with the client address already parsed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (TrustedSender Sender, string MatchedBy)? Match(BlockEvent e, bool hasIp, IpFamily family, UInt128 address)
    {
        var domain = DomainOf(e.EnvelopeFrom);
        foreach (var (sender, ranges) in _senders)
        {
            var domainMatches = domain is not null && AnyDomain(domain, sender.Domains);
            if (hasIp && ranges.Contains(family, address))
            {
                if (sender.Ranges!.EnvelopeDomainRequired)
                {
                    if (domain is null)
                    {
                        return (sender, "client IP in its ranges (envelope sender not in the log)");
                    }

                    if (domainMatches)
                    {
                        return (sender, "client IP in its ranges and envelope domain");
                    }

                    continue;
                }

                return (sender, "client IP in its ranges");
            }

            if (domainMatches && sender.Authentication is not null
                && (e.Spf == Explanation.AuthResult.Pass || e.Dkim == Explanation.AuthResult.Pass))
            {
                return (sender, "envelope domain, authentication passed in the content filter");
            }
        }

        return null;
    }

    /// <summary>
    /// Appends which senders' ranges hold the address to a key, one character per sender: the plans
    /// (postscreen access list, client tables, maps, client nets) are made from these ranges, so two
    /// addresses with the same answer get the same decisions from explain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendRangeClass(System.Text.StringBuilder key, IpFamily family, UInt128 address)
    {
        key.Append(family == IpFamily.V4 ? '4' : '6');
        foreach (var (_, ranges) in _senders)
        {
            key.Append(ranges.Contains(family, address) ? '1' : '0');
        }
    }

    private static bool AnyDomain(string domain, IReadOnlyList<string> trusted)
    {
        foreach (var d in trusted)
        {
            if (InDomain(domain, d))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InDomain(string domain, string trusted) =>
        domain.EndsWith(trusted, StringComparison.Ordinal)
        && (domain.Length == trusted.Length || domain[domain.Length - trusted.Length - 1] == '.');

    private static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : address![(at + 1)..].ToLowerInvariant();
    }
}
