using System.Text.RegularExpressions;

namespace RuleForge.Validation;

/// <summary>Ids are used in symbol, rule, class and file names of every target.</summary>
public static partial class Identifiers
{
    /// <summary>True for lower-case letters, digits and single inner hyphens, 1-40 long.</summary>
    public static bool IsValid(string id) => id.Length <= 40 && Pattern().IsMatch(id);

    /// <summary>The id as an upper-case symbol fragment: efax-us becomes EFAX_US.</summary>
    public static string ToSymbol(string id) => id.ToUpperInvariant().Replace('-', '_');

    /// <summary>The id as a lower-case name fragment: efax-us becomes efax_us.</summary>
    public static string ToSnake(string id) => id.Replace('-', '_');

    [GeneratedRegex(@"^[a-z](?:-?[a-z0-9])*\z")]
    private static partial Regex Pattern();
}
