namespace RuleForge.Diagnostics;

/// <summary>Collects diagnostics for a stage so that every problem is reported in one run.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Everything reported so far, in the order it was found.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Adds a diagnostic made from a catalog entry.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Reports a catalog message at a location.</summary>
    public void Report(MessageTemplate template, SourceLocation at, params object[] args) =>
        _items.Add(template.At(at, args));
}
