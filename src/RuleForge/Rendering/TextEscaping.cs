using System.Globalization;
using System.Text;

namespace RuleForge.Rendering;

/// <summary>
/// Escaping for each target's syntax. Templates call these through Scriban functions; no
/// free-text value reaches a file without one of them.
/// </summary>
public static class TextEscaping
{
    /// <summary>A one-line comment body: control characters and line breaks become spaces.</summary>
    public static string Comment(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>
    /// A double-quoted UCL string. Backslash and quote are escaped, and '$' is escaped so that
    /// Rspamd never expands a ${VARIABLE} from data (map paths are not passed through here).
    /// </summary>
    public static string UclString(string? text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in Comment(text))
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                case '$': sb.Append(@"\$"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A number as the daemons read it: invariant culture, no exponent.</summary>
    public static string Number(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);
}
