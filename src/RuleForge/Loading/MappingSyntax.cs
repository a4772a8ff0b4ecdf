using RuleForge.Diagnostics;

namespace RuleForge.Loading;

/// <summary>A YAML mapping with scalar keys, in file order, keys unique.</summary>
public sealed record MappingSyntax(IReadOnlyList<EntrySyntax> Entries, SourceLocation Location)
    : SyntaxNode(Location)
{
    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>The entry with the given key, or null.</summary>
    public EntrySyntax? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }
}
