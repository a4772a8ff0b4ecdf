using System.Globalization;
using System.Text.RegularExpressions;

namespace RuleForge.Validation;

/// <summary>Validates DNS names and converts international names to their ASCII form.</summary>
public static partial class DomainNames
{
    /// <summary>
    /// Returns the lower-case ASCII form of a host name with at least two labels, or an error
    /// text. Underscores are accepted only when <paramref name="allowUnderscore"/> is set
    /// (DNS zones such as _spf.example.com); host names never have them.
    /// </summary>
    public static bool TryNormalise(string text, bool allowUnderscore, out string ascii, out string error)
    {
        ascii = "";
        error = "";
        var name = text.EndsWith('.') ? text[..^1] : text;
        if (name.Length == 0)
        {
            error = "it is empty";
            return false;
        }

        // Note: IdnMapping accepts format characters such as U+202E (right-to-left override),
        // which make a name read differently in review than it resolves; they are refused.
        if (name.Any(IsHidden))
        {
            error = $"it holds the invisible character U+{(int)name.First(IsHidden):X4}";
            return false;
        }

        if (name.Any(c => c > 127))
        {
            try
            {
                name = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(name);
            }
            catch (ArgumentException)
            {
                error = "it is not a valid international domain name";
                return false;
            }
        }

        name = name.ToLowerInvariant();
        if (name.Length > 253)
        {
            error = "it is longer than 253 characters";
            return false;
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            error = "it needs at least two labels, such as example.com";
            return false;
        }

        foreach (var label in labels)
        {
            if (!(allowUnderscore ? ZoneLabel() : HostLabel()).IsMatch(label))
            {
                error = label.Length == 0
                    ? "it has an empty label (two dots in a row)"
                    : $"the label '{label}' may hold only letters, digits and inner hyphens, up to 63 characters";
                return false;
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            error = "the last label is all digits; that is an address, not a name";
            return false;
        }

        ascii = name;
        return true;
    }

    private static bool IsHidden(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z")]
    private static partial Regex HostLabel();

    [GeneratedRegex(@"^(?:_?[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?|_)\z")]
    private static partial Regex ZoneLabel();
}
