using RuleForge.Diagnostics;

namespace RuleForge.Audit.Rspamd;

/// <summary>A UCL value: an object, an array or a scalar, with where it starts.</summary>
public abstract record UclNode(SourceLocation Location);

/// <summary>A scalar: a string, number, boolean or null, as written (quotes removed).</summary>
public sealed record UclScalar(string Text, SourceLocation Location) : UclNode(Location)
{
    /// <summary>True for UCL's true spellings.</summary>
    public bool IsTrue => Text.ToLowerInvariant() is "true" or "yes" or "on";

    /// <summary>The value as a number, or null.</summary>
    public double? Number => double.TryParse(Text, System.Globalization.NumberStyles.Float,
        System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>An array of values.</summary>
public sealed record UclArray(IReadOnlyList<UclNode> Items, SourceLocation Location) : UclNode(Location);

/// <summary>One key of an object and its value; a key may repeat.</summary>
public sealed record UclEntry(string Key, UclNode Value, SourceLocation Location);

/// <summary>An object: keys in the order written.</summary>
public sealed record UclObject(IReadOnlyList<UclEntry> Entries, SourceLocation Location) : UclNode(Location)
{
    /// <summary>The last value of a key (UCL's later value wins for scalars), or null.</summary>
    public UclNode? this[string key] =>
        Entries.LastOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The text of a scalar key, or null.</summary>
    public string? Text(string key) => this[key] is UclScalar s ? s.Text : null;

    /// <summary>Every object-valued entry, with repeated keys merged in order.</summary>
    public IEnumerable<UclEntry> Objects => Entries.Where(e => e.Value is UclObject);

    /// <summary>Every scalar under a key, flattening an array.</summary>
    public IEnumerable<UclScalar> Scalars(string key) => this[key] switch
    {
        UclScalar s => [s],
        UclArray a => a.Items.OfType<UclScalar>(),
        _ => [],
    };
}
