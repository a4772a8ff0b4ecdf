using System.Text.RegularExpressions;

namespace RuleForge.Validation;

/// <summary>Ids are used in symbol, rule, class and file names of every target.</summary>
public static partial class Identifiers
{
    /// <summary>The pattern an id matches: lower-case letters, digits and single inner hyphens.</summary>
    public const string PatternText = PatternCore + "$";

    private const string PatternCore = "^[a-z](?:-?[a-z0-9])*";

    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 40;

    /// <summary>True for lower-case letters, digits and single inner hyphens, 1-40 long.</summary>
    public static bool IsValid(string id) => id.Length <= MaxLength && Pattern().IsMatch(id);

    /// <summary>The id as an upper-case symbol fragment: efax-us becomes EFAX_US.</summary>
    public static string ToSymbol(string id) => id.ToUpperInvariant().Replace('-', '_');

    /// <summary>The id as a lower-case name fragment: efax-us becomes efax_us.</summary>
    public static string ToSnake(string id) => id.Replace('-', '_');

    // Note: \z, not $: '$' also matches before a final newline (the schema's ECMA '$' does not).
    [GeneratedRegex(PatternCore + @"\z")]
    private static partial Regex Pattern();
}
