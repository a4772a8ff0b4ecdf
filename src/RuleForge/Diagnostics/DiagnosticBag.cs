namespace RuleForge.Diagnostics;

/// <summary>
/// Collects diagnostics for a stage so that every problem is reported in one run. A hostile
/// input can make the same mistake a million times (a feed of a million bad rows), so at most
/// <see cref="MaxPerCode"/> diagnostics of one code are kept; the rest are counted and reported
/// as one summary per code at the end.
/// </summary>
public sealed class DiagnosticBag
{
    /// <summary>The most diagnostics of one code that are kept and printed.</summary>
    public const int MaxPerCode = 100;

    private readonly List<Diagnostic> _items = [];
    private readonly Dictionary<string, int> _perCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, Diagnostic First)> _leftOut = new(StringComparer.Ordinal);

    /// <summary>Everything reported so far, in the order it was found, then one summary per code cut short.</summary>
    public IReadOnlyList<Diagnostic> Items => _leftOut.Count == 0
        ? _items
        : [.. _items, .. _leftOut.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => Summary(l.Key, l.Value))];

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Adds a diagnostic made from a catalog entry.</summary>
    public void Add(Diagnostic diagnostic)
    {
        var seen = _perCode.GetValueOrDefault(diagnostic.Code);
        _perCode[diagnostic.Code] = seen + 1;
        if (seen < MaxPerCode || diagnostic.Code == Messages.MoreLeftOut.Code)
        {
            _items.Add(diagnostic);
            return;
        }

        var (count, first) = _leftOut.GetValueOrDefault(diagnostic.Code, (0, diagnostic));
        _leftOut[diagnostic.Code] = (count + 1, first);
    }

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Reports a catalog message at a location.</summary>
    public void Report(MessageTemplate template, SourceLocation at, params object[] args) =>
        Add(template.At(at, args));

    private static Diagnostic Summary(string code, (int Count, Diagnostic First) left) =>
        Messages.MoreLeftOut.At(SourceLocation.OfFile(left.First.Location.File), left.Count, code, MaxPerCode)
            with
        { Severity = left.First.Severity };
}
