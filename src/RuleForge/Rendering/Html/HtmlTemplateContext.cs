using Scriban;
using Scriban.Parsing;

namespace RuleForge.Rendering.Html;

/// <summary>
/// A Scriban context that HTML-escapes the value of every <c>{{ expression }}</c> it writes;
/// the template's own text is written as is. A template (built-in or from --templates) cannot
/// forget to escape, and there is no way to print a value unescaped.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    /// <inheritdoc />
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is not null)
        {
            Write(HtmlEscaping.Escape(ObjectToString(textAsObject)));
        }

        return this;
    }

    /// <inheritdoc />
    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        ValueTask.FromResult(Write(span, textAsObject));
}
