using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Validation;

namespace RuleForge.Resolution.Dns;

/// <summary>
/// Asks a policy's blocklists about one client IP or sender domain and interprets each answer
/// by the list's own listing codes: an answer in 127.255.255.0/24, or any answer outside the
/// listing codes, is an error answer and never a listing.
/// </summary>
public sealed class BlocklistChecker(DnsLookup dns)
{
    private const uint ErrorBlock = 0x7FFFFF00;

    /// <summary>
    /// The name to ask a list about <paramref name="subject"/> (an IP address or a domain), or
    /// null when the list checks the other kind of subject or the subject is neither.
    /// </summary>
    public static string? QueryName(Blocklist list, string subject)
    {
        if (IpNetwork.TryParseAddress(subject, out var family, out var value))
        {
            return list.Checks == BlocklistLookup.ClientIp ? $"{Reverse(family, value)}.{list.Zone}" : null;
        }

        return list.Checks == BlocklistLookup.SenderDomain
            && DomainNames.TryNormalise(subject, allowUnderscore: false, out var domain, out _)
            ? $"{domain}.{list.Zone}"
            : null;
    }

    /// <summary>Asks every list concurrently; the answers are in the lists' order.</summary>
    public async Task<IReadOnlyList<BlocklistAnswer>> CheckAsync(
        IReadOnlyList<Blocklist> lists, string subject, CancellationToken cancellation = default)
    {
        var answers = await Task.WhenAll(lists.Select(l => CheckAsync(l, subject, cancellation)))
            .ConfigureAwait(false);
        return answers;
    }

    private async Task<BlocklistAnswer> CheckAsync(Blocklist list, string subject, CancellationToken cancellation)
    {
        if (QueryName(list, subject) is not { } name)
        {
            var kind = list.Checks == BlocklistLookup.ClientIp ? "client IPs" : "sender domains";
            return new(list.Id, null, BlocklistVerdict.NotApplicable, [], $"checks {kind} only", null);
        }

        DnsAnswer answer;
        try
        {
            answer = await dns.QueryAsync(name, DnsRecordType.A, cancellation).ConfigureAwait(false);
        }
        catch (DnsQueryException e)
        {
            var failed = Messages.DnsFailed.At(SourceLocation.OfFile(list.Zone), $"A {name}", e.Reason);
            return new(list.Id, name, BlocklistVerdict.Failed, [], e.Reason, failed);
        }

        return Interpret(list, subject, name, answer);
    }

    private static BlocklistAnswer Interpret(Blocklist list, string subject, string name, DnsAnswer answer)
    {
        if (answer.IsVoid)
        {
            var how = answer.Status == DnsAnswerStatus.NxDomain ? "NXDOMAIN" : "no A record";
            return new(list.Id, name, BlocklistVerdict.NotListed, [], $"not listed ({how})", null);
        }

        var codes = answer.Values
            .Select(v => (Text: v, Ok: IpNetwork.TryParseAddress(v, out var f, out var a) && f == IpFamily.V4, a))
            .ToList();
        var listings = codes.Where(c => c.Ok && list.IsListing((uint)c.a)).Select(c => c.Text).ToList();
        if (listings.Count > 0)
        {
            var detail = $"listed ({string.Join(", ", listings)})";
            return new(list.Id, name, BlocklistVerdict.Listed, answer.Values, detail, null);
        }

        var first = codes[0];
        var why = first.Ok && (uint)first.a >> 8 == ErrorBlock >> 8
            ? "an error code in 127.255.255.0/24"
            : $"outside the listing codes {string.Join(", ", list.ListingCodes)}";
        var warning = Messages.BlocklistErrorAnswer.At(
            SourceLocation.OfFile(list.Zone), list.Id, string.Join(", ", answer.Values), subject, why);
        return new(list.Id, name, BlocklistVerdict.ErrorAnswer, answer.Values, $"error answer: {why}", warning);
    }

    private static string Reverse(IpFamily family, UInt128 value)
    {
        var count = family == IpFamily.V4 ? 4 : 32;
        var bits = family == IpFamily.V4 ? 8 : 4;
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var part = (uint)((value >> (i * bits)) & (UInt128)((1 << bits) - 1));
            parts[i] = family == IpFamily.V4 ? part.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : part.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Join('.', parts);
    }
}
