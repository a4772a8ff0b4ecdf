using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// Reads a generated file back as its directives, with free text taken out: what each target's
/// parser would see as structure. Two trees whose policies differ only in free text must have
/// equal skeletons; an injected value adds, removes or splits a directive and shows up here.
/// </summary>
public static partial class DirectiveSkeleton
{
    /// <summary>The skeleton of one file, by the file's kind (its path in the tree).</summary>
    public static string Of(string relativePath, string content) => relativePath switch
    {
        _ when relativePath.EndsWith(".json", StringComparison.Ordinal) => Json(content),
        _ when relativePath.EndsWith(".md", StringComparison.Ordinal) => Markdown(content),
        _ when relativePath.EndsWith(".html", StringComparison.Ordinal) => Html(content),
        _ when relativePath.EndsWith(".conf", StringComparison.Ordinal) => Ucl(content),
        _ when relativePath.EndsWith("main.cf.fragment", StringComparison.Ordinal) => PostfixMain(content),
        _ when relativePath.EndsWith(".cf", StringComparison.Ordinal)
            || relativePath.EndsWith(".pre", StringComparison.Ordinal) => SpamAssassin(content),
        _ when relativePath.EndsWith(".pm", StringComparison.Ordinal) => Lines(content),
        _ => Table(content),
    };

    /// <summary>
    /// UCL: comments dropped, every quoted string replaced by S, every other token kept, braces
    /// and semicolons as they are; so keys, sections and the number of values are compared.
    /// </summary>
    public static string Ucl(string text)
    {
        var sb = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '#')
            {
                i = EndOfLine(text, i);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
                sb.Append(" /**/ ");
            }
            else if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                    else if (text[i] == '\n')
                    {
                        throw new FormatException("a line break inside a UCL string");
                    }
                }

                sb.Append(" S ");
            }
            else if (c is '{' or '}' or ';' or '[' or ']' or ',' or '=')
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                sb.Append(' ').Append(c).Append(' ');
            }
            else
            {
                sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        if (depth != 0)
        {
            throw new FormatException($"UCL braces do not balance ({depth})");
        }

        return Spaces().Replace(sb.ToString(), " ").Trim();
    }

    /// <summary>Postfix main.cf: every line that is not a comment is 'name = value'; the names, in order.</summary>
    public static string PostfixMain(string text) =>
        string.Join("\n", NonComment(text).Select(l =>
        {
            var m = PostfixParameter().Match(l);
            return m.Success ? m.Groups[1].Value + " = <" + m.Groups[2].Value.Split(',').Length + " items>"
                : throw new FormatException($"not a main.cf parameter line: '{l}'");
        }));

    /// <summary>SpamAssassin: each directive line as its first two words (directive, rule name).</summary>
    public static string SpamAssassin(string text) =>
        string.Join("\n", NonComment(text).Select(l =>
        {
            if (l.StartsWith(' ') || l.StartsWith('\t'))
            {
                throw new FormatException($"a SpamAssassin line that starts with a space: '{l}'");
            }

            var words = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', words.Take(words[0] is "describe" or "score" or "tflags" or "header" or "meta"
                or "full" or "body" ? 2 : 1));
        }));

    /// <summary>A lookup table or map: the number of fields on each entry line.</summary>
    public static string Table(string text) =>
        string.Join("\n", NonComment(text).Select(l => l.Split(' ', '\t').Length.ToString(
            System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>JSON: the tree of property names and array lengths.</summary>
    public static string Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var sb = new StringBuilder();
        Walk(doc.RootElement, sb);
        return sb.ToString();
    }

    /// <summary>
    /// HTML: every tag with its attribute values replaced by S; text between tags is left out,
    /// so an unescaped '&lt;' or quote in a value shows up as a tag or attribute of its own.
    /// </summary>
    public static string Html(string text) =>
        string.Join("\n", HtmlTag().Matches(text).Select(m => QuotedValue().Replace(m.Value, "S")));

    /// <summary>Markdown: the headings and the number of table rows, text taken out.</summary>
    public static string Markdown(string text) =>
        string.Join("\n", text.Split('\n').Where(l => l.StartsWith('#') || l.StartsWith('|'))
            .Select(l => l.StartsWith('#') ? l.Split(' ')[0] : "|" + UnescapedPipe().Count(l)));

    private static string Lines(string text) =>
        NonComment(text).Count().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Walk(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                foreach (var p in e.EnumerateObject())
                {
                    // Names that are data (the manifest's input paths) count, but their text does not.
                    sb.Append(p.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_') ? p.Name : "K").Append(':');
                    Walk(p.Value, sb);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, sb);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(e.ValueKind).Append(',');
                break;
        }
    }

    private static IEnumerable<string> NonComment(string text) =>
        text.Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));

    private static int EndOfLine(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    [GeneratedRegex(@"^([a-z_0-9]+) = (.*)$")]
    private static partial Regex PostfixParameter();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
