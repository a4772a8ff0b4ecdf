using RuleForge.Diagnostics;
using RuleForge.Loading;

namespace RuleForge.Validation;

/// <summary>
/// Reads the keys of one mapping against a fixed list of allowed keys. Unknown keys are
/// reported with a "did you mean"; missing required keys are reported at the mapping.
/// </summary>
internal sealed class MappingReader
{
    private readonly MappingSyntax _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _context;

    private MappingReader(MappingSyntax mapping, DiagnosticBag diagnostics, string context, string[] allowed)
    {
        _mapping = mapping;
        _diagnostics = diagnostics;
        _context = context;
        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                var hint = NameSuggester.Hint(entry.Key.Value, allowed);
                diagnostics.Report(Messages.UnknownKey, entry.Key.Location, entry.Key.Value, context, hint);
            }
        }
    }

    /// <summary>Where the mapping starts.</summary>
    public SourceLocation Location => _mapping.Location;

    /// <summary>Makes a reader when the node is a mapping; otherwise reports and returns null.</summary>
    public static MappingReader? Open(
        SyntaxNode node, DiagnosticBag diagnostics, string context, params string[] allowed)
    {
        if (node is MappingSyntax mapping)
        {
            return new MappingReader(mapping, diagnostics, context, allowed);
        }

        diagnostics.Report(Messages.WrongType, node.Location, context, "a mapping", node.KindName);
        return null;
    }

    /// <summary>The value of an optional key, or null when absent.</summary>
    public SyntaxNode? Optional(string key) => _mapping.Find(key)?.Value;

    /// <summary>The value of a required key; reports and returns null when absent.</summary>
    public SyntaxNode? Required(string key)
    {
        var value = _mapping.Find(key)?.Value;
        if (value is null)
        {
            _diagnostics.Report(Messages.MissingKey, _mapping.Location, key, _context);
        }

        return value;
    }
}
