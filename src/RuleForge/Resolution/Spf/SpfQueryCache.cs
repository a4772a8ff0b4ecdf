using RuleForge.Resolution.Dns;

namespace RuleForge.Resolution.Spf;

/// <summary>
/// Asks each (name, type) question once per flattening: the first caller starts the query and
/// every later caller awaits the same task. Bounds the number of distinct questions and keeps
/// every failure so the error can name each failing name.
/// </summary>
internal sealed class SpfQueryCache(DnsLookup dns, int maxQueries, CancellationToken cancellation)
{
    private readonly Dictionary<(string Name, DnsRecordType Type), Task<DnsAnswer>> _queries = [];
    private readonly List<DnsQueryException> _failures = [];
    private readonly System.Threading.Lock _lock = new();

    /// <summary>Distinct questions asked so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queries.Count;
            }
        }
    }

    /// <summary>Every question that failed, ordered by name then type.</summary>
    public IReadOnlyList<DnsQueryException> Failures
    {
        get
        {
            lock (_lock)
            {
                return [.. _failures.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Type)];
            }
        }
    }

    /// <summary>The answer to a question, asked at most once.</summary>
    public Task<DnsAnswer> QueryAsync(string name, DnsRecordType type)
    {
        var key = (name.ToLowerInvariant(), type);
        lock (_lock)
        {
            if (_queries.TryGetValue(key, out var running))
            {
                return running;
            }

            if (_queries.Count >= maxQueries)
            {
                throw new SpfLimitException($"more than {maxQueries} distinct DNS questions");
            }

            var task = Task.Run(() => AskAsync(key.Item1, type), cancellation);
            _queries[key] = task;
            return task;
        }
    }

    private async Task<DnsAnswer> AskAsync(string name, DnsRecordType type)
    {
        try
        {
            return await dns.QueryAsync(name, type, cancellation).ConfigureAwait(false);
        }
        catch (DnsQueryException e)
        {
            lock (_lock)
            {
                _failures.Add(e);
            }

            throw;
        }
    }
}
