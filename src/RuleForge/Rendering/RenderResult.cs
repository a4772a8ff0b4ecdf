using RuleForge.Diagnostics;

namespace RuleForge.Rendering;

/// <summary>The rendered files in path order, or diagnostics when a template failed.</summary>
public sealed record RenderResult(IReadOnlyList<RenderedFile> Files, IReadOnlyList<Diagnostic> Diagnostics);
