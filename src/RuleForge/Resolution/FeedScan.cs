using RuleForge.Model;
using RuleForge.Resolution.Feeds;

namespace RuleForge.Resolution;

/// <summary>
/// A feed read once, row by row, for the filters that will be asked of it. It keeps what a
/// selection and its report need, not the rows: how many rows there were, every field name, the
/// values of the fields the filters name, and per filter the rows left after each condition and
/// the parsed CIDRs of the rows it keeps. Memory follows what the filters keep, not the feed's size.
/// </summary>
public sealed class FeedScan
{
    private readonly Dictionary<string, FeedFilterResult> _results;
    private readonly Dictionary<string, HashSet<string>> _values;
    private readonly HashSet<string> _fields;

    private FeedScan(
        string shape, bool detected, int rows, HashSet<string> fields, Dictionary<string, HashSet<string>> values,
        Dictionary<string, FeedFilterResult> results, IReadOnlyList<FeedFieldSummary>? summary)
    {
        (Shape, Detected, Rows, Summary) = (shape, detected, rows, summary);
        (_fields, _values, _results) = (fields, values, results);
        FieldNames = [.. fields.Order(StringComparer.Ordinal)];
    }

    /// <summary>The shape that was used, detected or named.</summary>
    public string Shape { get; }

    /// <summary>True when the shape was detected from the content.</summary>
    public bool Detected { get; }

    /// <summary>The rows read.</summary>
    public int Rows { get; }

    /// <summary>Every field some row has, in ordinal order.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Every field with the rows per distinct value, when the scan was asked to summarise.</summary>
    public IReadOnlyList<FeedFieldSummary>? Summary { get; }

    /// <summary>The distinct values some row has in a field that a filter names.</summary>
    public IReadOnlySet<string> ValuesOf(string field) =>
        _values.TryGetValue(field, out var values) ? values : new HashSet<string>();

    /// <summary>True when some row has the field.</summary>
    public bool HasField(string field) => _fields.Contains(field);

    /// <summary>
    /// What a filter given to <see cref="Read"/> kept; conditions on a field no row has are left
    /// out (the caller reports them), as if they were not written.
    /// </summary>
    public FeedFilterResult Filter(IReadOnlyList<FeedCondition> where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return _results.TryGetValue(Key(Known(where, _fields)), out var result)
            ? result
            : throw new ArgumentException("the filter was not given when the feed was read", nameof(where));
    }

    /// <summary>
    /// Reads content in a shape (see <see cref="FeedReader.ReadRows"/>) and applies every filter
    /// to each row as it is read. Throws <see cref="FeedReadException"/> on a bad shape; what was
    /// gathered until then is dropped with the scan.
    /// </summary>
    /// <param name="summarise">Also count the rows per value of every field (feed show).</param>
    public static FeedScan Read(
        string shape, byte[] content, string? itemsPath, string? cidrField,
        IEnumerable<IReadOnlyList<FeedCondition>> filters, bool summarise = false)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var wanted = filters.DistinctBy(Key).ToList();
        var values = wanted.SelectMany(w => w.Select(c => c.Field)).Distinct(StringComparer.Ordinal)
            .ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var counts = summarise ? new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal) : null;
        var passes = wanted.Select(w => new FilterPass(w)).ToList();
        var rows = 0;
        var (actual, detected) = FeedReader.ReadRows(shape, content, itemsPath, cidrField, row =>
        {
            rows++;
            Note(row, fields, values, counts);
            passes.ForEach(p => p.Apply(row));
        });

        var results = passes.ToDictionary(p => Key(p.Where), p => p.Result(), StringComparer.Ordinal);

        // Note: a condition on a field no row has is reported and skipped, which can only be known
        // at the end; the few filters that had one are applied again without it (an error path).
        var again = wanted.Select(w => Known(w, fields)).Where(w => !results.ContainsKey(Key(w)))
            .DistinctBy(Key).Select(w => new FilterPass(w)).ToList();
        if (again.Count > 0)
        {
            FeedReader.ReadRows(shape, content, itemsPath, cidrField, row => again.ForEach(p => p.Apply(row)));
            again.ForEach(p => results[Key(p.Where)] = p.Result());
        }

        return new FeedScan(actual, detected, rows, fields, values, results, counts?.Select(Summarised).ToList());
    }

    private static void Note(
        FeedRow row, HashSet<string> fields, Dictionary<string, HashSet<string>> values,
        SortedDictionary<string, Dictionary<string, int>>? counts)
    {
        foreach (var (field, texts) in row.Fields)
        {
            fields.Add(field);
            if (values.TryGetValue(field, out var seen))
            {
                seen.UnionWith(texts);
            }

            if (counts is not null)
            {
                if (!counts.TryGetValue(field, out var perValue))
                {
                    counts[field] = perValue = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                foreach (var value in texts.Distinct(StringComparer.Ordinal))
                {
                    perValue[value] = perValue.GetValueOrDefault(value) + 1;
                }
            }
        }
    }

    private static FeedFieldSummary Summarised(KeyValuePair<string, Dictionary<string, int>> field) =>
        new(field.Key, field.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value)).ToList());

    private static List<FeedCondition> Known(IReadOnlyList<FeedCondition> where, HashSet<string> fields) =>
        [.. where.Where(c => fields.Contains(c.Field))];

    private static string Key(IReadOnlyList<FeedCondition> where) => string.Join('\u0001',
        where.Select(c => $"{c.Field}\u0002{c.Negated}\u0002{string.Join('\u0003', c.Values)}"));

    // One filter applied row by row: conditions in order, as FeedSelector reports them.
    private sealed class FilterPass(IReadOnlyList<FeedCondition> where)
    {
        private readonly int[] _left = new int[where.Count];
        private readonly List<FeedCidr> _cidrs = [];
        private int _kept;

        public IReadOnlyList<FeedCondition> Where => where;

        public void Apply(FeedRow row)
        {
            for (var i = 0; i < where.Count; i++)
            {
                if (!FeedSelector.Matches(row, where[i]))
                {
                    return;
                }

                _left[i]++;
            }

            _kept++;
            foreach (var cidr in row.Cidrs)
            {
                _cidrs.Add(FeedCidr.Of(row.Number, cidr));
            }
        }

        public FeedFilterResult Result()
        {
            _cidrs.TrimExcess();
            return new FeedFilterResult(_left, _kept, _cidrs);
        }
    }
}
