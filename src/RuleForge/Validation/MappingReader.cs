using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Validation.Shapes;

namespace RuleForge.Validation;

/// <summary>
/// Reads the keys of one mapping against its <see cref="ObjectShape"/>. Unknown keys are
/// reported with a "did you mean"; missing required keys are reported at the mapping. Asking
/// for a key the shape does not declare (or declares otherwise) is a bug, so the shape, and the
/// JSON Schema printed from it, cannot drift from what the binders read.
/// </summary>
internal sealed class MappingReader
{
    private readonly MappingSyntax _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly ObjectShape _shape;

    private MappingReader(MappingSyntax mapping, DiagnosticBag diagnostics, ObjectShape shape)
    {
        _mapping = mapping;
        _diagnostics = diagnostics;
        _shape = shape;
        var allowed = shape.Names;
        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                var hint = NameSuggester.Hint(entry.Key.Value, allowed);
                diagnostics.Report(Messages.UnknownKey, entry.Key.Location, entry.Key.Value, shape.Context, hint);
            }
        }
    }

    /// <summary>Where the mapping starts.</summary>
    public SourceLocation Location => _mapping.Location;

    /// <summary>Makes a reader when the node is a mapping; otherwise reports and returns null.</summary>
    public static MappingReader? Open(SyntaxNode node, DiagnosticBag diagnostics, ObjectShape shape)
    {
        if (node is MappingSyntax mapping)
        {
            return new MappingReader(mapping, diagnostics, shape);
        }

        diagnostics.Report(Messages.WrongType, node.Location, shape.Context, "a mapping", node.KindName);
        return null;
    }

    /// <summary>The value of an optional key, or null when absent.</summary>
    public SyntaxNode? Optional(string key)
    {
        if (Declared(key).Required)
        {
            throw new InvalidOperationException($"'{key}' in {_shape.Context} is required in its shape");
        }

        return _mapping.Find(key)?.Value;
    }

    /// <summary>
    /// The value of a required key (always, or by one of the shape's rules); reports and
    /// returns null when absent.
    /// </summary>
    public SyntaxNode? Required(string key)
    {
        if (!Declared(key).Required && !_shape.IsConditionallyRequired(key))
        {
            throw new InvalidOperationException($"'{key}' in {_shape.Context} is optional in its shape");
        }

        var value = _mapping.Find(key)?.Value;
        if (value is null)
        {
            _diagnostics.Report(Messages.MissingKey, _mapping.Location, key, _shape.Context);
        }

        return value;
    }

    private KeyShape Declared(string key) =>
        _shape.Find(key) ?? throw new InvalidOperationException($"'{key}' is not a key of {_shape.Context}");
}
