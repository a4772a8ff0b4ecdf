using System.Runtime.CompilerServices;
using RuleForge.Model;
using RuleForge.Net;

namespace RuleForge.Planning;

/// <summary>
/// Where the inputs behind an aggregated network came from, for table comments: the origins of
/// the sender's sources that lie inside the network, in source order. The sources are indexed
/// once per <see cref="RangeTrust"/> (sorted by first address), so a table of n networks over m
/// sources costs O((n + m) log m) rather than n x m.
/// </summary>
internal static class RangeProvenance
{
    private static readonly ConditionalWeakTable<RangeTrust, Index> Indexes = [];

    /// <summary>At most three origins, then "and N more".</summary>
    public static string Of(RangeTrust ranges, IpNetwork network)
    {
        var sources = ranges.Sources;
        var index = Indexes.GetValue(ranges, r => new Index(r.Sources));
        var inside = index.Inside(network);
        var origins = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in inside)
        {
            if (seen.Add(sources[i].Origin))
            {
                origins.Add(sources[i].Origin);
            }
        }

        return origins.Count <= 3
            ? string.Join(", ", origins)
            : $"{string.Join(", ", origins.Take(3))} and {origins.Count - 3} more";
    }

    private sealed class Index
    {
        private readonly IReadOnlyList<RangeSource> _sources;
        private readonly int[] _order;

        public Index(IReadOnlyList<RangeSource> sources)
        {
            _sources = sources;
            _order = [.. Enumerable.Range(0, sources.Count)];
            Array.Sort(_order, (a, b) => Compare(sources[a].Network, sources[b].Network, a, b));
        }

        // Source positions (ascending) of the sources wholly inside the network.
        public List<int> Inside(IpNetwork network)
        {
            var found = new List<int>();
            for (var k = FirstAtOrAfter(network); k < _order.Length; k++)
            {
                var source = _sources[_order[k]].Network;
                if (source.Family != network.Family || source.First > network.Last)
                {
                    break;
                }

                if (source.Last <= network.Last)
                {
                    found.Add(_order[k]);
                }
            }

            found.Sort();
            return found;
        }

        private int FirstAtOrAfter(IpNetwork network)
        {
            int lo = 0, hi = _order.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                var source = _sources[_order[mid]].Network;
                if (source.Family < network.Family || (source.Family == network.Family && source.First < network.First))
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private static int Compare(IpNetwork x, IpNetwork y, int a, int b)
        {
            var byFamily = x.Family.CompareTo(y.Family);
            if (byFamily != 0)
            {
                return byFamily;
            }

            var byFirst = x.First.CompareTo(y.First);
            return byFirst != 0 ? byFirst : a.CompareTo(b);
        }
    }
}
