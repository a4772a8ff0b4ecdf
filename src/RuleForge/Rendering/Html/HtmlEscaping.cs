using System.Text;

namespace RuleForge.Rendering.Html;

/// <summary>
/// Escaping for text and attribute values in the HTML report. Policy strings, feed fields and DNS
/// answers are hostile-input candidates: every value the report prints passes through here.
/// </summary>
public static class HtmlEscaping
{
    /// <summary>
    /// The text with the five HTML metacharacters as character references, and control
    /// characters (line breaks included) as spaces, so it is safe in element content and in a
    /// quoted attribute value alike.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    sb.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }
}
