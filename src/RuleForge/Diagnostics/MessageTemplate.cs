using System.Globalization;
using System.Text;

namespace RuleForge.Diagnostics;

/// <summary>
/// A catalog entry: a stable code, a severity, and composite-format texts for the message and
/// the hint. Arguments are quoted by the caller where they are user input; text arguments are
/// made printable here (control characters escaped, very long values shortened), so that a
/// hostile value can neither forge a diagnostic line nor flood the terminal.
/// </summary>
public sealed record MessageTemplate(string Code, Severity Severity, string Message, string? Hint)
{
    /// <summary>The longest text argument printed whole; longer ones are cut with "...".</summary>
    public const int MaxArgumentLength = 300;

    /// <summary>Makes a diagnostic at a location with the given format arguments.</summary>
    public Diagnostic At(SourceLocation location, params object[] args)
    {
        var printable = args.Select(a => a is string s ? Printable(s) : a).ToArray();
        return new Diagnostic(
            Code,
            Severity,
            location,
            string.Format(CultureInfo.InvariantCulture, Message, printable),
            Hint is null ? null : string.Format(CultureInfo.InvariantCulture, Hint, printable));
    }

    /// <summary>The text with control and line-separator characters as escapes, cut when very long.</summary>
    public static string Printable(string text)
    {
        var cut = text.Length > MaxArgumentLength;
        var keep = cut && char.IsHighSurrogate(text[MaxArgumentLength - 1]) ? MaxArgumentLength - 1 : MaxArgumentLength;
        return cut ? Escaped(text[..keep]) + "..." : Escaped(text);
    }

    /// <summary>
    /// The text with control and line-separator characters as escapes (\n, \u001b ...), whole: for
    /// reports that print values taken from input, such as diagnose's text report.
    /// </summary>
    public static string Escaped(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => sb.Append(@"\n"),
                '\r' => sb.Append(@"\r"),
                '\t' => sb.Append(@"\t"),
                _ when NeedsEscape(c) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\ufeff';
}
