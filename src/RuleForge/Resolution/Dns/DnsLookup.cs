using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using RuleForge.Net;

namespace RuleForge.Resolution.Dns;

/// <summary>
/// Asks DNS questions through DnsClient with the given settings and turns every answer into
/// either a <see cref="DnsAnswer"/> (records, no data, or NXDOMAIN) or a
/// <see cref="DnsQueryException"/>. It keeps no cache: callers that must not ask twice cache
/// the answers themselves.
/// </summary>
public sealed class DnsLookup
{
    private readonly LookupClient _client;
    private readonly IProgress<string>? _progress;
    private int _queries;

    /// <summary>
    /// Makes a lookup that uses the servers of <paramref name="settings"/>; <paramref name="progress"/>
    /// hears of every question as it is asked.
    /// </summary>
    public DnsLookup(DnsSettings settings, IProgress<string>? progress = null)
    {
        _progress = progress;
        var options = settings.Servers.Count == 0
            ? new LookupClientOptions()
            : new LookupClientOptions([.. settings.Servers.Select(s => new NameServer(s))]);
        options.UseCache = false;
        options.Timeout = settings.Timeout;
        options.Retries = settings.Retries;
        options.UseTcpFallback = settings.UseTcpFallback;
        options.ThrowDnsErrors = false;

        // Note: an empty answer is a real answer ("no data"); asking the next server would
        // double the questions and could hide a void lookup.
        options.ContinueOnEmptyResponse = false;
        _client = new LookupClient(options);
    }

    /// <summary>Asks for the records of one type; throws <see cref="DnsQueryException"/> on failure.</summary>
    public async Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancellation)
    {
        var number = Interlocked.Increment(ref _queries);
        _progress?.Report($"DNS question {number}: {name} {type.ToString().ToUpperInvariant()}");
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, ToQueryType(type), QueryClass.IN, cancellation)
                .ConfigureAwait(false);
        }
        catch (DnsResponseException e)
        {
            var reason = e.Code == DnsResponseCode.ConnectionTimeout ? "no answer (timeout)" : e.DnsError;
            throw new DnsQueryException(name, type, reason, e);
        }
        catch (SocketException e)
        {
            throw new DnsQueryException(name, type, $"network error: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new DnsQueryException(name, type, "no answer (timeout)", e);
        }

        return Interpret(name, type, response);
    }

    private static DnsAnswer Interpret(string name, DnsRecordType type, IDnsQueryResponse response)
    {
        var code = (DnsResponseCode)response.Header.ResponseCode;
        if (code == DnsResponseCode.NotExistentDomain)
        {
            return new DnsAnswer(name, type, DnsAnswerStatus.NxDomain, []);
        }

        if (code != DnsResponseCode.NoError)
        {
            throw new DnsQueryException(name, type, $"the server answered {Describe(code)}");
        }

        // Note: with TCP fallback DnsClient repeats a truncated answer over TCP; a truncated
        // answer that still reaches us may be missing records, so it is a failure.
        if (response.Header.ResultTruncated)
        {
            throw new DnsQueryException(name, type, "the answer was truncated and TCP did not complete it");
        }

        var owned = ForName(name, response.Answers);
        var values = Values(type, owned);
        var status = values.Count == 0 ? DnsAnswerStatus.NoData : DnsAnswerStatus.Records;
        var strings = type == DnsRecordType.Txt ? owned.TxtRecords().Select(t => t.Text.Count).ToList() : null;
        return new DnsAnswer(name, type, status, values, strings);
    }

    /// <summary>The maximum number of CNAME hops followed inside one answer.</summary>
    public const int MaxCnameHops = 8;

    // Note: only records owned by the name asked, or by the names its CNAME chain in the same
    // answer leads to, count. A server that adds records for other names (a poisoned cache, a
    // hostile resolver) must not be able to slip an SPF record or an address in; a CNAME loop
    // or a chain longer than MaxCnameHops ends the chain, leaving no data.
    private static List<DnsResourceRecord> ForName(string name, IReadOnlyList<DnsResourceRecord> answers)
    {
        var current = Normal(name);
        var owners = new HashSet<string>(StringComparer.Ordinal) { current };
        for (var hop = 0; hop < MaxCnameHops; hop++)
        {
            var next = answers.CnameRecords().FirstOrDefault(c => Normal(c.DomainName.Value) == current);
            if (next is null || !owners.Add(Normal(next.CanonicalName.Value)))
            {
                break;
            }

            current = Normal(next.CanonicalName.Value);
        }

        return answers.Where(a => owners.Contains(Normal(a.DomainName.Value))).ToList();
    }

    private static string Normal(string name) => name.TrimEnd('.').ToLowerInvariant();

    private static List<string> Values(DnsRecordType type, IReadOnlyList<DnsResourceRecord> answers) => type switch
    {
        DnsRecordType.Txt => answers.TxtRecords().Select(t => string.Concat(t.Text)).ToList(),
        DnsRecordType.A => answers.ARecords().Select(a => Canonical(a.Address)).Distinct().Order().ToList(),
        DnsRecordType.Aaaa => answers.AaaaRecords().Select(a => Canonical(a.Address)).Distinct().Order().ToList(),
        _ => answers.MxRecords()
            .Select(m => (m.Preference, Host: m.Exchange.Value.TrimEnd('.').ToLowerInvariant()))
            .OrderBy(m => m.Preference).ThenBy(m => m.Host, StringComparer.Ordinal)
            .Select(m => m.Host).Distinct().ToList(),
    };

    private static string Canonical(System.Net.IPAddress address)
    {
        var text = address.ToString();
        return IpNetwork.TryParse(text, out var network, out _)
            ? IpNetwork.FormatAddress(network.Family, network.First)
            : text;
    }

    private static string Describe(DnsResponseCode code) => code switch
    {
        DnsResponseCode.ServerFailure => "SERVFAIL",
        DnsResponseCode.Refused => "REFUSED",
        DnsResponseCode.FormatError => "FORMERR",
        DnsResponseCode.NotImplemented => "NOTIMP",
        _ => $"response code {(int)code}",
    };

    private static QueryType ToQueryType(DnsRecordType type) => type switch
    {
        DnsRecordType.A => QueryType.A,
        DnsRecordType.Aaaa => QueryType.AAAA,
        DnsRecordType.Mx => QueryType.MX,
        _ => QueryType.TXT,
    };
}
