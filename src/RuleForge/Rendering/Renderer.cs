using System.Diagnostics.CodeAnalysis;
using RuleForge.Diagnostics;
using RuleForge.Planning;
using RuleForge.Proof;
using RuleForge.Rendering.Html;
using RuleForge.Resolution;
using Scriban;
using Scriban.Runtime;

namespace RuleForge.Rendering;

/// <summary>
/// Prints a proven plan through Scriban templates. Templates receive the plan only; every
/// decision was made before. Output paths mirror where files are installed.
/// </summary>
public static class Renderer
{
    /// <summary>
    /// Renders every file of the build, in path order; the reports list the feed selections, and
    /// the HTML report also the build's <paramref name="warnings"/>.
    /// </summary>
    public static RenderResult Render(
        BuildPlan plan, ProofResult proof, TemplateSource templates, IReadOnlyList<SelectionReport>? selections = null,
        IReadOnlyList<Diagnostic>? warnings = null)
    {
        var diagnostics = new DiagnosticBag();
        var files = new List<RenderedFile>();
        var header = new FileHeader(TextEscaping.Comment(plan.Policy.SourceFile), plan.Policy.Name);

        // Note: a template is read and parsed once per build, not once per file it renders (the
        // table and map templates render three files per sender).
        var parsed = new Dictionary<string, (Template Template, string Display)>(StringComparer.Ordinal);
        foreach (var (template, output, model) in Jobs(plan, proof, selections ?? [], warnings ?? []))
        {
            var text = RenderOne(templates, parsed, template, model, header, diagnostics);
            if (text is not null)
            {
                files.Add(new RenderedFile(output, text));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new RenderResult(diagnostics.HasErrors ? [] : files, diagnostics.Items);
    }

    private static IEnumerable<(string Template, string Output, object Model)> Jobs(
        BuildPlan plan, ProofResult proof, IReadOnlyList<SelectionReport> selections,
        IReadOnlyList<Diagnostic> warnings)
    {
        if (plan.Postfix is { } pf)
        {
            yield return ("postfix/main.cf.sbn", "postfix/main.cf.fragment", pf);
            var tables = pf.Postscreen is { } ps ? pf.Tables.Append(ps.AccessTable) : pf.Tables;
            foreach (var table in tables)
            {
                yield return ("postfix/table.sbn", $"postfix/ruleforge/{table.FileName}", table);
            }
        }

        if (plan.Rspamd is { } rs)
        {
            foreach (var name in new[] { "multimap", "composites", "rbl", "rbl_group", "actions" })
            {
                yield return ($"rspamd/{name}.conf.sbn", $"rspamd/local.d/{name}.conf", rs);
            }

            foreach (var map in rs.Maps)
            {
                yield return ("rspamd/map.sbn", $"rspamd/local.d/ruleforge/{map.FileName}", map);
            }
        }

        if (plan.SpamAssassin is { } sa)
        {
            yield return ("spamassassin/ruleforge.pre.sbn", "spamassassin/ruleforge.pre", sa);
            yield return ("spamassassin/ruleforge.cf.sbn", "spamassassin/ruleforge.cf", sa);
            if (sa.PluginPath is not null)
            {
                yield return ("spamassassin/TrustedRelay.pm.sbn", "spamassassin/ruleforge/TrustedRelay.pm", sa);
            }
        }

        yield return ("report/proof.md.sbn", "proof.md", new ReportModel(plan, proof) { Selections = selections });
        yield return ("report/report.html.sbn", "report.html",
            HtmlReportBuilder.Build(plan, proof, selections, warnings));
    }

    private static string? RenderOne(
        TemplateSource templates, Dictionary<string, (Template Template, string Display)> parsed, string name,
        object model, FileHeader header, DiagnosticBag diagnostics)
    {
        if (!parsed.TryGetValue(name, out var known))
        {
            var (text, shown) = templates.Read(name);
            known = (Template.Parse(text, shown), shown);
            parsed[name] = known;
        }

        var (template, display) = known;
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                diagnostics.Report(Messages.TemplateError, At(display, message.Span), display, message.Message);
            }

            return null;
        }

        var globals = new ScriptObject();
        ImportFunctions(globals, header);
        globals.SetValue("model", model, true);
        // Note: HTML output escapes every printed value in the context itself (see HtmlTemplateContext).
        var html = name.EndsWith(".html.sbn", StringComparison.Ordinal);
        var context = html ? new HtmlTemplateContext() : new TemplateContext();
        context.StrictVariables = true;
        context.LoopLimit = int.MaxValue;
        context.LimitToString = 0;
        context.NewLine = "\n";
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            diagnostics.Report(Messages.TemplateError, At(display, e.Span), display, e.OriginalMessage);
            return null;
        }
    }

    /// <summary>The functions templates call: Scriban finds them by reflection.</summary>
    /// <remarks>
    /// The model's pairs of feed conditions and rows left are value tuples, read as item1/item2:
    /// their fields are kept for a native build, where trimming would otherwise drop them.
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields, typeof(ValueTuple<string, int>))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
        "A native build keeps the RuleForge assembly whole (TrimmerRootAssembly in RuleForge.Cli.csproj).")]
    private static void ImportFunctions(ScriptObject globals, FileHeader header)
    {
        globals.Import(typeof(TemplateFunctions));
        globals.Import(typeof(ReportFunctions));
        globals.Import("file_header", new Func<string, string>(header.Lines));
    }

    private static SourceLocation At(string file, Scriban.Parsing.SourceSpan span) =>
        new(file, span.Start.Line + 1, span.Start.Column + 1);
}
